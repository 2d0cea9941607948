-- squawk corpus: add_column_required_safe
-- NOT NULL with a constant default: stored once in the catalog, no rewrite.

-- +upgrade postgresql
SET LOCAL lock_timeout = '2s';
ALTER TABLE "users" ADD COLUMN "country" TEXT NOT NULL DEFAULT 'unknown';

-- +downgrade postgresql
SET LOCAL lock_timeout = '2s';
-- autogen:lint ignore AG113 the column this revision added, nothing else reads it yet
ALTER TABLE "users" DROP COLUMN "country";
