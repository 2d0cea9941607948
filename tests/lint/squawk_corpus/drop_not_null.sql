-- squawk corpus: drop_not_null
-- Loosening a column: catalog only, but readers may now see NULL.

-- +upgrade postgresql
ALTER TABLE "orders" ALTER COLUMN "total_cents" DROP NOT NULL;

-- +downgrade postgresql
SET LOCAL lock_timeout = '2s';
ALTER TABLE "orders" ALTER COLUMN "total_cents" SET NOT NULL;
