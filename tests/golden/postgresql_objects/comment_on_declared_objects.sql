-- golden: comment_on_declared_objects
-- operations:
--   added function "greeting"()
--   changed comment of view "active_users"

-- +upgrade postgresql
CREATE FUNCTION greeting() RETURNS text IMMUTABLE LANGUAGE sql RETURN 'hello';

COMMENT ON FUNCTION "greeting"() IS 'what we say first';

COMMENT ON VIEW "active_users" IS 'who may sign in';

-- +downgrade postgresql
COMMENT ON VIEW "active_users" IS NULL;

DROP FUNCTION "greeting"();

