-- golden: trigger_create
-- operations:
--   added function "touch"()
--   added trigger "users_touch" on "users"

-- +upgrade postgresql
CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;

CREATE TRIGGER users_touch BEFORE UPDATE ON users FOR EACH ROW EXECUTE FUNCTION touch();

-- +downgrade postgresql
DROP TRIGGER "users_touch" ON "users";

DROP FUNCTION "touch"();

