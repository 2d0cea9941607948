-- golden: check
-- operations:
--   removed check constraint "ck_orders_total" on "orders"
--   added check constraint "ck_users_email" on "users"

-- +upgrade postgresql
-- autogen: no-transaction
-- online: a statement that waits more than 2s for its lock fails instead of queueing every query on its table behind it; run the revision again later
SET lock_timeout = '2s';

ALTER TABLE "orders" DROP CONSTRAINT "ck_orders_total";

-- online: new and changed rows are checked from here on
ALTER TABLE "users" ADD CONSTRAINT "ck_users_email" CHECK (email LIKE '%@%') NOT VALID;

RESET lock_timeout;

-- online: checks the existing rows while reads and writes go on
ALTER TABLE "users" VALIDATE CONSTRAINT "ck_users_email";

-- +downgrade postgresql
-- autogen: no-transaction
-- online: a statement that waits more than 2s for its lock fails instead of queueing every query on its table behind it; run the revision again later
SET lock_timeout = '2s';

ALTER TABLE "users" DROP CONSTRAINT "ck_users_email";

-- online: new and changed rows are checked from here on
ALTER TABLE "orders" ADD CONSTRAINT "ck_orders_total" CHECK (total_cents >= 0) NOT VALID;

RESET lock_timeout;

-- online: checks the existing rows while reads and writes go on
ALTER TABLE "orders" VALIDATE CONSTRAINT "ck_orders_total";

