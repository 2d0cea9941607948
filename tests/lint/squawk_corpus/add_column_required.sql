-- squawk corpus: add_column_required
-- NOT NULL without a default fails as soon as the table has a row.

-- +upgrade postgresql
SET LOCAL lock_timeout = '2s';
ALTER TABLE "users" ADD COLUMN "country" TEXT NOT NULL;

-- +downgrade postgresql
SET LOCAL lock_timeout = '2s';
ALTER TABLE "users" DROP COLUMN "country";
