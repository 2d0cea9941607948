-- golden: check
-- operations:
--   removed check constraint "ck_orders_total" on "orders"
--   added check constraint "ck_users_email" on "users"

-- +upgrade postgresql
ALTER TABLE "orders" DROP CONSTRAINT "ck_orders_total";

ALTER TABLE "users" ADD CONSTRAINT "ck_users_email" CHECK (email LIKE '%@%');

-- +downgrade postgresql
ALTER TABLE "users" DROP CONSTRAINT "ck_users_email";

ALTER TABLE "orders" ADD CONSTRAINT "ck_orders_total" CHECK (total_cents >= 0);

