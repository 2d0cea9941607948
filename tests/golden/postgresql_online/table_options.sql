-- golden: table_options
-- operations:
--   changed options of table "orders": none -> UNLOGGED, WITH (autovacuum_enabled = false, fillfactor = 70)

-- +upgrade postgresql
-- online: a statement that waits more than 2s for its lock fails instead of queueing every query on its table behind it; run the revision again later
SET LOCAL lock_timeout = '2s';

-- rewrites the table under an ACCESS EXCLUSIVE lock (reads and writes wait)
ALTER TABLE "orders" SET UNLOGGED;

ALTER TABLE "orders" SET (autovacuum_enabled = false, fillfactor = 70);

-- +downgrade postgresql
-- online: a statement that waits more than 2s for its lock fails instead of queueing every query on its table behind it; run the revision again later
SET LOCAL lock_timeout = '2s';

-- rewrites the table under an ACCESS EXCLUSIVE lock (reads and writes wait)
ALTER TABLE "orders" SET LOGGED;

ALTER TABLE "orders" RESET (autovacuum_enabled, fillfactor);

