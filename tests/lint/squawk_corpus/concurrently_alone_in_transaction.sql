-- squawk corpus: concurrently_alone_in_transaction
-- A CONCURRENTLY statement alone in a section without '-- autogen: no-transaction': the
-- runner still wraps it in a transaction, and PostgreSQL refuses it there.

-- +upgrade postgresql
CREATE INDEX CONCURRENTLY "ix_orders_created_at" ON "orders" ("created_at");

-- +downgrade postgresql
DROP INDEX CONCURRENTLY "ix_orders_created_at";
