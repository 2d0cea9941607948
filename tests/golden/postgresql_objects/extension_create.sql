-- golden: extension_create
-- operations:
--   added extension "citext"

-- +upgrade postgresql
CREATE EXTENSION "citext" WITH SCHEMA "public" VERSION '1.6';

-- +downgrade postgresql
DROP EXTENSION "citext";

