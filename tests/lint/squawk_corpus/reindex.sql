-- squawk corpus: reindex
-- REINDEX without CONCURRENTLY blocks writes to the table (and reads that use the index).

-- +upgrade postgresql
SET LOCAL lock_timeout = '2s';
REINDEX INDEX "ix_users_email";
REINDEX TABLE "orders";

-- +downgrade postgresql
