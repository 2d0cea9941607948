-- golden: alter_type_using
-- operations:
--   removed check constraint "ck_orders_total" on "orders"
--   changed column "orders"."total_cents": type BIGINT -> TEXT, default 0 -> '0'

-- +upgrade postgresql
-- online: a statement that waits more than 2s for its lock fails instead of queueing every query on its table behind it; run the revision again later
SET LOCAL lock_timeout = '2s';

ALTER TABLE "orders" DROP CONSTRAINT "ck_orders_total";

ALTER TABLE "orders" ALTER COLUMN "total_cents" TYPE TEXT;

ALTER TABLE "orders" ALTER COLUMN "total_cents" SET DEFAULT '0';

-- +downgrade postgresql
-- autogen: no-transaction
-- online: a statement that waits more than 2s for its lock fails instead of queueing every query on its table behind it; run the revision again later
SET lock_timeout = '2s';

ALTER TABLE "orders" ALTER COLUMN "total_cents" DROP DEFAULT;

-- WARNING: changes the type of "orders"."total_cents" from TEXT to BIGINT: values that do not convert make it fail
ALTER TABLE "orders" ALTER COLUMN "total_cents" TYPE BIGINT USING "total_cents"::BIGINT;

ALTER TABLE "orders" ALTER COLUMN "total_cents" SET DEFAULT 0;

-- online: new and changed rows are checked from here on
ALTER TABLE "orders" ADD CONSTRAINT "ck_orders_total" CHECK (total_cents >= 0) NOT VALID;

RESET lock_timeout;

-- online: checks the existing rows while reads and writes go on
ALTER TABLE "orders" VALIDATE CONSTRAINT "ck_orders_total";

