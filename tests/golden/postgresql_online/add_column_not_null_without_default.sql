-- golden: add_column_not_null_without_default
-- operations:
--   added column "orders"."note"

-- +upgrade postgresql
-- online: a statement that waits more than 2s for its lock fails instead of queueing every query on its table behind it; run the revision again later
SET LOCAL lock_timeout = '2s';

-- WARNING: adds NOT NULL column "orders"."note" without a server default: this fails if the table has rows.
-- Give it a server_default, or add it nullable, fill it, then make it NOT NULL.
ALTER TABLE "orders" ADD COLUMN "note" TEXT NOT NULL;

-- +downgrade postgresql
-- online: a statement that waits more than 2s for its lock fails instead of queueing every query on its table behind it; run the revision again later
SET LOCAL lock_timeout = '2s';

-- WARNING: drops column "orders"."note" and its values
ALTER TABLE "orders" DROP COLUMN "note";

