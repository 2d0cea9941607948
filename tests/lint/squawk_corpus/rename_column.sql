-- squawk corpus: rename_column
-- The running application still uses the old name.

-- +upgrade postgresql
SET LOCAL lock_timeout = '2s';
ALTER TABLE "users" RENAME COLUMN "name" TO "full_name";

-- +downgrade postgresql
SET LOCAL lock_timeout = '2s';
ALTER TABLE "users" RENAME COLUMN "full_name" TO "name";
