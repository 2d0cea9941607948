-- golden: enum_create
-- operations:
--   added enum "priority" (low, high)
--   added column "orders"."priority"

-- +upgrade postgresql
CREATE TYPE "priority" AS ENUM ('low', 'high');

ALTER TABLE "orders" ADD COLUMN "priority" "priority";

-- +downgrade postgresql
-- WARNING: drops column "orders"."priority" and its values
ALTER TABLE "orders" DROP COLUMN "priority";

DROP TYPE "priority";

