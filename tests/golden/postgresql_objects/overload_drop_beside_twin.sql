-- golden: overload_drop_beside_twin
-- operations:
--   removed function "label"(text)

-- +upgrade postgresql
DROP FUNCTION "label"(t text);

-- +downgrade postgresql
CREATE FUNCTION label(t text) RETURNS text IMMUTABLE LANGUAGE sql AS $$ SELECT 't' || t $$;

