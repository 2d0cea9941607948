-- golden: view_around_column_type
-- operations:
--   dropped view "active_users" to create it again (it reads "users", which changes column "email")
--   changed column "users"."email": type text -> character varying(320)
--   created view "active_users" again (it reads "users", which changes column "email")

-- +upgrade postgresql
DROP VIEW "active_users";

-- WARNING: changes the type of "users"."email" from TEXT to VARCHAR(320): longer values make it fail
ALTER TABLE "users" ALTER COLUMN "email" TYPE VARCHAR(320);

CREATE VIEW active_users AS SELECT id, email FROM users WHERE active;

-- +downgrade postgresql
DROP VIEW "active_users";

ALTER TABLE "users" ALTER COLUMN "email" TYPE TEXT;

CREATE VIEW active_users AS SELECT id, email FROM users WHERE active;

