-- golden: owner_view_recreated
-- operations:
--   owner of VIEW "active_users": "autogen_golden_owner" goes with its object (its view is dropped)
--   dropped view "active_users" to create it again (it reads "users", which changes column "email")
--   changed column "users"."email": type text -> character varying(320)
--   created view "active_users" again (it reads "users", which changes column "email")
--   owner of VIEW "active_users": "autogen_golden_owner" (its view is created again)

-- +upgrade postgresql
DROP VIEW "active_users";

-- WARNING: changes the type of "users"."email" from TEXT to VARCHAR(320): longer values make it fail
ALTER TABLE "users" ALTER COLUMN "email" TYPE VARCHAR(320);

CREATE VIEW active_users AS SELECT id, email FROM users WHERE active;

ALTER VIEW "active_users" OWNER TO "autogen_golden_owner";

-- +downgrade postgresql
DROP VIEW "active_users";

ALTER TABLE "users" ALTER COLUMN "email" TYPE TEXT;

CREATE VIEW active_users AS SELECT id, email FROM users WHERE active;

ALTER VIEW "active_users" OWNER TO "autogen_golden_owner";

