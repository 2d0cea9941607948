-- squawk corpus: drop_index
-- DROP INDEX without CONCURRENTLY: ACCESS EXCLUSIVE on the index's table.

-- +upgrade postgresql
SET LOCAL lock_timeout = '2s';
DROP INDEX "ix_users_nickname";

-- +downgrade postgresql
-- autogen: no-transaction
CREATE INDEX CONCURRENTLY "ix_users_nickname" ON "users" ("nickname");
