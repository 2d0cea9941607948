-- golden: drop_column
-- operations:
--   removed column "users"."full_name"

-- +upgrade postgresql
-- online: a statement that waits more than 2s for its lock fails instead of queueing every query on its table behind it; run the revision again later
SET LOCAL lock_timeout = '2s';

-- WARNING: drops column "users"."full_name" and its values
ALTER TABLE "users" DROP COLUMN "full_name";

-- +downgrade postgresql
-- online: a statement that waits more than 2s for its lock fails instead of queueing every query on its table behind it; run the revision again later
SET LOCAL lock_timeout = '2s';

ALTER TABLE "users" ADD COLUMN "full_name" TEXT;

