-- squawk corpus: create_index_safe
-- The same index built and dropped CONCURRENTLY, outside a transaction.

-- +upgrade postgresql
-- autogen: no-transaction
CREATE INDEX CONCURRENTLY IF NOT EXISTS "ix_orders_user_id" ON "orders" ("user_id");

-- +downgrade postgresql
-- autogen: no-transaction
DROP INDEX CONCURRENTLY IF EXISTS "ix_orders_user_id";
