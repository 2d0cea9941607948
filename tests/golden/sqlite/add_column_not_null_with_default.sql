-- golden: add_column_not_null_with_default
-- operations:
--   added column "orders"."note"

-- +upgrade sqlite
ALTER TABLE "orders" ADD COLUMN "note" TEXT NOT NULL DEFAULT 'none';

-- +downgrade sqlite
-- WARNING: drops column "orders"."note" and its values
ALTER TABLE "orders" DROP COLUMN "note";

