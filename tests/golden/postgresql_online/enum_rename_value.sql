-- golden: enum_rename_value
-- operations:
--   changed enum "order_status": (pending, paid, shipped, cancelled) -> (pending, paid, delivered, cancelled)

-- +upgrade postgresql
-- a label replaced in place is renamed: rows keep their value under the new label
ALTER TYPE "order_status" RENAME VALUE 'shipped' TO 'delivered';

-- +downgrade postgresql
-- a label replaced in place is renamed: rows keep their value under the new label
ALTER TYPE "order_status" RENAME VALUE 'delivered' TO 'shipped';

