-- squawk corpus: type_int_to_bigint
-- INTEGER to BIGINT rewrites the table and its indexes under ACCESS EXCLUSIVE.

-- +upgrade postgresql
SET LOCAL lock_timeout = '2s';
ALTER TABLE "memberships" ALTER COLUMN "user_id" TYPE BIGINT;

-- +downgrade postgresql
SET LOCAL lock_timeout = '2s';
ALTER TABLE "memberships" ALTER COLUMN "user_id" TYPE INTEGER;
