-- golden: trigger_change
-- operations:
--   dropped trigger "users_email" on "users" to create it again (its definition changes and cannot be replaced in place)
--   created trigger "users_email" on "users" again (its definition changes and cannot be replaced in place)

-- +upgrade sqlite
DROP TRIGGER "users_email";

CREATE TRIGGER users_email AFTER INSERT ON users BEGIN SELECT NEW.id; END;

-- +downgrade sqlite
DROP TRIGGER "users_email";

CREATE TRIGGER users_email AFTER UPDATE OF email ON users BEGIN SELECT NEW.email; END;

