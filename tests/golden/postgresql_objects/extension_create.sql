-- golden: extension_create
-- operations:
--   added extension "citext"

-- +upgrade postgresql
CREATE EXTENSION "citext" WITH SCHEMA "public" VERSION '1.6';

COMMENT ON EXTENSION "citext" IS 'data type for case-insensitive character strings';

-- +downgrade postgresql
DROP EXTENSION "citext";

