-- golden: rename_table
-- operations:
--   renamed table "memberships" to "members"

-- +upgrade sqlite
ALTER TABLE "memberships" RENAME TO "members";

-- +downgrade sqlite
ALTER TABLE "members" RENAME TO "memberships";

