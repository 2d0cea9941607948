-- squawk corpus: no_lock_timeout_safe
-- The same with SET LOCAL lock_timeout first.

-- +upgrade postgresql
SET LOCAL lock_timeout = '2s';
ALTER TABLE "users" ADD COLUMN "bio" TEXT;

-- +downgrade postgresql
SET LOCAL lock_timeout = '2s';
-- autogen:lint ignore AG113 the column this revision added, nothing else reads it yet
ALTER TABLE "users" DROP COLUMN "bio";
