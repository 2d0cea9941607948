-- squawk corpus: create_index
-- An index built on a table in use, without CONCURRENTLY: writes wait for the build.

-- +upgrade postgresql
CREATE INDEX "ix_orders_user_id" ON "orders" ("user_id");

-- +downgrade postgresql
DROP INDEX "ix_orders_user_id";
