-- golden: owner_create
-- operations:
--   added view "active_users"
--   owner of TABLE "users": "autogen_golden_other_owner"
--   owner of VIEW "active_users": "autogen_golden_owner" (its view is created)

-- +upgrade postgresql
CREATE VIEW active_users AS SELECT id, email FROM users WHERE active;

ALTER TABLE "users" OWNER TO "autogen_golden_other_owner";

ALTER VIEW "active_users" OWNER TO "autogen_golden_owner";

-- +downgrade postgresql
ALTER TABLE "users" OWNER TO "postgres";

DROP VIEW "active_users";

