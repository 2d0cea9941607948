-- golden: generated_add
-- operations:
--   added column "orders"."total_doubled"

-- +upgrade postgresql
ALTER TABLE "orders" ADD COLUMN "total_doubled" BIGINT NOT NULL GENERATED ALWAYS AS (total_cents * 2) STORED;

-- +downgrade postgresql
-- WARNING: drops column "orders"."total_doubled" and its values
ALTER TABLE "orders" DROP COLUMN "total_doubled";

