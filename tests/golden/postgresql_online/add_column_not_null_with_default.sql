-- golden: add_column_not_null_with_default
-- operations:
--   added column "orders"."note"

-- +upgrade postgresql
-- online: a statement that waits more than 2s for its lock fails instead of queueing every query on its table behind it; run the revision again later
SET LOCAL lock_timeout = '2s';

ALTER TABLE "orders" ADD COLUMN "note" TEXT NOT NULL DEFAULT 'none';

-- +downgrade postgresql
-- online: a statement that waits more than 2s for its lock fails instead of queueing every query on its table behind it; run the revision again later
SET LOCAL lock_timeout = '2s';

-- WARNING: drops column "orders"."note" and its values
ALTER TABLE "orders" DROP COLUMN "note";

