-- squawk corpus: add_column_references
-- A new column with an inline foreign key: the constraint is added (and validated) with
-- the column.

-- +upgrade postgresql
SET LOCAL lock_timeout = '2s';
ALTER TABLE "orders" ADD COLUMN "coupon_id" BIGINT REFERENCES "coupons" ("id");

-- +downgrade postgresql
SET LOCAL lock_timeout = '2s';
ALTER TABLE "orders" DROP COLUMN "coupon_id";
