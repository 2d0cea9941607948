-- squawk corpus: add_column_references
-- New columns with an inline foreign key. Without a default the column is all NULL and
-- PostgreSQL checks no row; with one, every row's value is checked under the ADD COLUMN's
-- ACCESS EXCLUSIVE.

-- +upgrade postgresql
SET LOCAL lock_timeout = '2s';
ALTER TABLE "orders" ADD COLUMN "coupon_id" BIGINT REFERENCES "coupons" ("id");
ALTER TABLE "orders" ADD COLUMN "channel_id" BIGINT NOT NULL DEFAULT 1 REFERENCES "channels" ("id");

-- +downgrade postgresql
SET LOCAL lock_timeout = '2s';
ALTER TABLE "orders" DROP COLUMN "channel_id";
ALTER TABLE "orders" DROP COLUMN "coupon_id";
