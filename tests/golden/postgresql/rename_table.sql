-- golden: rename_table
-- operations:
--   renamed table "memberships" to "members"

-- +upgrade postgresql
ALTER TABLE "memberships" RENAME TO "members";

ALTER TABLE "members" RENAME CONSTRAINT "memberships_pkey" TO "members_pkey";

-- +downgrade postgresql
ALTER TABLE "members" RENAME TO "memberships";

ALTER TABLE "memberships" RENAME CONSTRAINT "members_pkey" TO "memberships_pkey";

