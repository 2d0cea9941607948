-- golden: alter_type_narrow
-- operations:
--   changed column "users"."email": type VARCHAR(255) -> VARCHAR(100)

-- +upgrade postgresql
-- online: a statement that waits more than 2s for its lock fails instead of queueing every query on its table behind it; run the revision again later
SET LOCAL lock_timeout = '2s';

-- WARNING: changes the type of "users"."email" from VARCHAR(255) to VARCHAR(100): longer values make it fail
ALTER TABLE "users" ALTER COLUMN "email" TYPE VARCHAR(100);

-- +downgrade postgresql
-- online: a statement that waits more than 2s for its lock fails instead of queueing every query on its table behind it; run the revision again later
SET LOCAL lock_timeout = '2s';

ALTER TABLE "users" ALTER COLUMN "email" TYPE VARCHAR(255);

