-- golden: owner_drop
-- operations:
--   owner of TABLE "users": "autogen_golden_owner" -> the role that runs the migrations ("postgres")
--   owner of VIEW "active_users": "autogen_golden_other_owner" -> the role that runs the migrations ("postgres")

-- +upgrade postgresql
ALTER TABLE "users" OWNER TO "postgres";

ALTER VIEW "active_users" OWNER TO "postgres";

-- +downgrade postgresql
ALTER VIEW "active_users" OWNER TO "autogen_golden_other_owner";

ALTER TABLE "users" OWNER TO "autogen_golden_owner";

