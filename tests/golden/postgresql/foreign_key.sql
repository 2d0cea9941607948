-- golden: foreign_key
-- operations:
--   added foreign key "fk_memberships_user" on "memberships" (user_id) -> "users" (id)
--   removed foreign key "fk_orders_user_id" on "orders" (user_id)

-- +upgrade postgresql
ALTER TABLE "memberships" ADD CONSTRAINT "fk_memberships_user" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE ON UPDATE RESTRICT;

ALTER TABLE "orders" DROP CONSTRAINT "fk_orders_user_id";

-- +downgrade postgresql
ALTER TABLE "orders" ADD CONSTRAINT "fk_orders_user_id" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE;

ALTER TABLE "memberships" DROP CONSTRAINT "fk_memberships_user";

