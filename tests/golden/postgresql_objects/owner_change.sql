-- golden: owner_change
-- operations:
--   owner of TABLE "users": "autogen_golden_owner" -> "autogen_golden_other_owner"
--   owner of VIEW "active_users": "autogen_golden_other_owner" -> "autogen_golden_owner"

-- +upgrade postgresql
ALTER TABLE "users" OWNER TO "autogen_golden_other_owner";

ALTER VIEW "active_users" OWNER TO "autogen_golden_owner";

-- +downgrade postgresql
ALTER VIEW "active_users" OWNER TO "autogen_golden_other_owner";

ALTER TABLE "users" OWNER TO "autogen_golden_owner";

