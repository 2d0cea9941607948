-- squawk corpus: concurrently_in_transaction
-- PostgreSQL refuses CONCURRENTLY in a transaction block, and these sections run in one
-- (the '-- autogen: no-transaction' line is missing).

-- +upgrade postgresql
CREATE UNIQUE INDEX CONCURRENTLY "uq_orders_number" ON "orders" ("number");
ALTER TABLE "orders" ADD CONSTRAINT "uq_orders_number" UNIQUE USING INDEX "uq_orders_number";

-- +downgrade postgresql
SET LOCAL lock_timeout = '2s';
ALTER TABLE "orders" DROP CONSTRAINT "uq_orders_number";
