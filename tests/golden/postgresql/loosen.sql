-- golden: loosen
-- operations:
--   changed column "orders"."total_cents": NOT NULL -> NULL

-- +upgrade postgresql
ALTER TABLE "orders" ALTER COLUMN "total_cents" DROP NOT NULL;

-- +downgrade postgresql
-- NULLs take the default before the column becomes NOT NULL
UPDATE "orders" SET "total_cents" = 0 WHERE "total_cents" IS NULL;

ALTER TABLE "orders" ALTER COLUMN "total_cents" SET NOT NULL;

