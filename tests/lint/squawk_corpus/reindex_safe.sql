-- squawk corpus: reindex_safe
-- REINDEX CONCURRENTLY, outside a transaction.

-- +upgrade postgresql
-- autogen: no-transaction
REINDEX INDEX CONCURRENTLY "ix_users_email";

-- +downgrade postgresql
