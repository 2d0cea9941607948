-- squawk corpus: foreign_key
-- A foreign key added without NOT VALID: every row is checked while writes to both
-- tables wait.

-- +upgrade postgresql
ALTER TABLE "orders" ADD CONSTRAINT "fk_orders_user_id" FOREIGN KEY ("user_id") REFERENCES "users" ("id");

-- +downgrade postgresql
ALTER TABLE "orders" DROP CONSTRAINT "fk_orders_user_id";
