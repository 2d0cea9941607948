-- squawk corpus: foreign_key_validate_same_transaction
-- NOT VALID, then VALIDATE in the same transaction: the ADD's lock is held through the
-- validation, as if NOT VALID had not been written.

-- +upgrade postgresql
SET LOCAL lock_timeout = '2s';
ALTER TABLE "orders" ADD CONSTRAINT "fk_orders_user_id" FOREIGN KEY ("user_id") REFERENCES "users" ("id") NOT VALID;
ALTER TABLE "orders" VALIDATE CONSTRAINT "fk_orders_user_id";

-- +downgrade postgresql
SET LOCAL lock_timeout = '2s';
ALTER TABLE "orders" DROP CONSTRAINT "fk_orders_user_id";
