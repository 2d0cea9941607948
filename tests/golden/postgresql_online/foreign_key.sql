-- golden: foreign_key
-- operations:
--   added foreign key "fk_memberships_user" on "memberships" (user_id) -> "users" (id)
--   removed foreign key "fk_orders_user_id" on "orders" (user_id)

-- +upgrade postgresql
-- autogen: no-transaction
-- online: a statement that waits more than 2s for its lock fails instead of queueing every query on its table behind it; run the revision again later
SET lock_timeout = '2s';

-- online: new and changed rows are checked from here on
ALTER TABLE "memberships" ADD CONSTRAINT "fk_memberships_user" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE ON UPDATE RESTRICT NOT VALID;

RESET lock_timeout;

-- online: checks the existing rows while reads and writes go on
ALTER TABLE "memberships" VALIDATE CONSTRAINT "fk_memberships_user";

SET lock_timeout = '2s';

ALTER TABLE "orders" DROP CONSTRAINT "fk_orders_user_id";

RESET lock_timeout;

-- +downgrade postgresql
-- autogen: no-transaction
-- online: a statement that waits more than 2s for its lock fails instead of queueing every query on its table behind it; run the revision again later
SET lock_timeout = '2s';

-- online: new and changed rows are checked from here on
ALTER TABLE "orders" ADD CONSTRAINT "fk_orders_user_id" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE NOT VALID;

RESET lock_timeout;

-- online: checks the existing rows while reads and writes go on
ALTER TABLE "orders" VALIDATE CONSTRAINT "fk_orders_user_id";

SET lock_timeout = '2s';

ALTER TABLE "memberships" DROP CONSTRAINT "fk_memberships_user";

RESET lock_timeout;

