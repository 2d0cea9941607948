-- squawk corpus: set_not_null
-- SET NOT NULL reads every row under ACCESS EXCLUSIVE.

-- +upgrade postgresql
SET LOCAL lock_timeout = '2s';
ALTER TABLE "users" ALTER COLUMN "full_name" SET NOT NULL;

-- +downgrade postgresql
SET LOCAL lock_timeout = '2s';
ALTER TABLE "users" ALTER COLUMN "full_name" DROP NOT NULL;
