-- squawk corpus: rename_table
-- The running application still uses the old name.

-- +upgrade postgresql
SET LOCAL lock_timeout = '2s';
ALTER TABLE "memberships" RENAME TO "members";

-- +downgrade postgresql
SET LOCAL lock_timeout = '2s';
ALTER TABLE "members" RENAME TO "memberships";
