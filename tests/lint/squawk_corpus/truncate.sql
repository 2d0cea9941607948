-- squawk corpus: truncate
-- TRUNCATE ... CASCADE empties the table and every table whose foreign keys reach it.

-- +upgrade postgresql
TRUNCATE "sessions" CASCADE;

-- +downgrade postgresql
