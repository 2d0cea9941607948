-- squawk corpus: drop_column
-- Data loss; the running application may still read the column.

-- +upgrade postgresql
SET LOCAL lock_timeout = '2s';
ALTER TABLE "users" DROP COLUMN "phone";

-- +downgrade postgresql
SET LOCAL lock_timeout = '2s';
ALTER TABLE "users" ADD COLUMN "phone" VARCHAR(20);
