-- golden: rename_table
-- operations:
--   renamed table "memberships" to "members"

-- +upgrade postgresql
-- online: a statement that waits more than 2s for its lock fails instead of queueing every query on its table behind it; run the revision again later
SET LOCAL lock_timeout = '2s';

ALTER TABLE "memberships" RENAME TO "members";

ALTER TABLE "members" RENAME CONSTRAINT "memberships_pkey" TO "members_pkey";

-- +downgrade postgresql
-- online: a statement that waits more than 2s for its lock fails instead of queueing every query on its table behind it; run the revision again later
SET LOCAL lock_timeout = '2s';

ALTER TABLE "members" RENAME TO "memberships";

ALTER TABLE "memberships" RENAME CONSTRAINT "members_pkey" TO "memberships_pkey";

