-- golden: function_replace
-- operations:
--   changed function "answer"() (replaced in place: same signature)

-- +upgrade postgresql
CREATE OR REPLACE FUNCTION answer() RETURNS integer LANGUAGE plpgsql IMMUTABLE AS $$ BEGIN RETURN 43; END $$;

-- +downgrade postgresql
CREATE OR REPLACE FUNCTION answer() RETURNS integer LANGUAGE sql IMMUTABLE AS $$ SELECT 42 $$;

