-- squawk corpus: vacuum_full
-- VACUUM FULL rewrites the table under ACCESS EXCLUSIVE.

-- +upgrade postgresql
-- autogen: no-transaction
VACUUM FULL "orders";

-- +downgrade postgresql
