-- squawk corpus: check_constraint
-- A check added without NOT VALID: every row is read under ACCESS EXCLUSIVE.

-- +upgrade postgresql
SET LOCAL lock_timeout = '2s';
ALTER TABLE "orders" ADD CONSTRAINT "ck_orders_total" CHECK ("total_cents" >= 0);

-- +downgrade postgresql
SET LOCAL lock_timeout = '2s';
ALTER TABLE "orders" DROP CONSTRAINT "ck_orders_total";
