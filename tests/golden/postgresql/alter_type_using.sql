-- golden: alter_type_using
-- operations:
--   removed check constraint "ck_orders_total" on "orders"
--   changed column "orders"."total_cents": type BIGINT -> TEXT, default 0 -> '0'

-- +upgrade postgresql
ALTER TABLE "orders" DROP CONSTRAINT "ck_orders_total";

ALTER TABLE "orders" ALTER COLUMN "total_cents" TYPE TEXT;

ALTER TABLE "orders" ALTER COLUMN "total_cents" SET DEFAULT '0';

-- +downgrade postgresql
ALTER TABLE "orders" ALTER COLUMN "total_cents" DROP DEFAULT;

-- WARNING: changes the type of "orders"."total_cents" from TEXT to BIGINT: values that do not convert make it fail
ALTER TABLE "orders" ALTER COLUMN "total_cents" TYPE BIGINT USING "total_cents"::BIGINT;

ALTER TABLE "orders" ALTER COLUMN "total_cents" SET DEFAULT 0;

ALTER TABLE "orders" ADD CONSTRAINT "ck_orders_total" CHECK (total_cents >= 0);

