-- squawk corpus: foreign_key_safe
-- NOT VALID first (brief lock), VALIDATE in its own transaction (writes go on).

-- +upgrade postgresql
-- autogen: no-transaction
SET lock_timeout = '2s';

ALTER TABLE "orders" ADD CONSTRAINT "fk_orders_user_id" FOREIGN KEY ("user_id") REFERENCES "users" ("id") NOT VALID;

RESET lock_timeout;

ALTER TABLE "orders" VALIDATE CONSTRAINT "fk_orders_user_id";

-- +downgrade postgresql
SET LOCAL lock_timeout = '2s';
ALTER TABLE "orders" DROP CONSTRAINT "fk_orders_user_id";
