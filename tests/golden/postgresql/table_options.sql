-- golden: table_options
-- operations:
--   changed options of table "orders": none -> UNLOGGED, WITH (autovacuum_enabled = false, fillfactor = 70)

-- +upgrade postgresql
-- rewrites the table under an ACCESS EXCLUSIVE lock (reads and writes wait)
ALTER TABLE "orders" SET UNLOGGED;

ALTER TABLE "orders" SET (autovacuum_enabled = false, fillfactor = 70);

-- +downgrade postgresql
-- rewrites the table under an ACCESS EXCLUSIVE lock (reads and writes wait)
ALTER TABLE "orders" SET LOGGED;

ALTER TABLE "orders" RESET (autovacuum_enabled, fillfactor);

