-- golden: objects_around_column_rename
-- operations:
--   dropped trigger "users_email" on "users" to create it again (its definition changes and cannot be replaced in place)
--   dropped view "active_users" to create it again (its definition changes and cannot be replaced in place)
--   renamed column "users"."email" to "mail"
--   created view "active_users" again (its definition changes and cannot be replaced in place)
--   created trigger "users_email" on "users" again (its definition changes and cannot be replaced in place)

-- +upgrade sqlite
DROP TRIGGER "users_email";

DROP VIEW "active_users";

ALTER TABLE "users" RENAME COLUMN "email" TO "mail";

CREATE VIEW active_users AS SELECT id, mail FROM users WHERE active;

CREATE TRIGGER users_email AFTER UPDATE OF mail ON users BEGIN SELECT NEW.mail; END;

-- +downgrade sqlite
DROP TRIGGER "users_email";

DROP VIEW "active_users";

ALTER TABLE "users" RENAME COLUMN "mail" TO "email";

CREATE VIEW active_users AS SELECT id, email FROM users WHERE active;

CREATE TRIGGER users_email AFTER UPDATE OF email ON users BEGIN SELECT NEW.email; END;

