-- squawk corpus: check_constraint_safe
-- The check added NOT VALID, validated in its own transaction.

-- +upgrade postgresql
-- autogen: no-transaction
SET lock_timeout = '2s';

ALTER TABLE "orders" ADD CONSTRAINT "ck_orders_total" CHECK ("total_cents" >= 0) NOT VALID;

RESET lock_timeout;

ALTER TABLE "orders" VALIDATE CONSTRAINT "ck_orders_total";

-- +downgrade postgresql
SET LOCAL lock_timeout = '2s';
ALTER TABLE "orders" DROP CONSTRAINT "ck_orders_total";
