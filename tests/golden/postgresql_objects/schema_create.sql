-- golden: schema_create
-- operations:
--   added schema "reporting"

-- +upgrade postgresql
CREATE SCHEMA reporting;

-- +downgrade postgresql
DROP SCHEMA "reporting";

