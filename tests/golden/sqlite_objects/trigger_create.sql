-- golden: trigger_create
-- operations:
--   added trigger "users_email" on "users"

-- +upgrade sqlite
CREATE TRIGGER users_email AFTER UPDATE OF email ON users BEGIN SELECT NEW.email; END;

-- +downgrade sqlite
DROP TRIGGER "users_email";

