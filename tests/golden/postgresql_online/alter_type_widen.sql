-- golden: alter_type_widen
-- operations:
--   changed column "memberships"."user_id": type INTEGER -> BIGINT

-- +upgrade postgresql
-- online: a statement that waits more than 2s for its lock fails instead of queueing every query on its table behind it; run the revision again later
SET LOCAL lock_timeout = '2s';

ALTER TABLE "memberships" ALTER COLUMN "user_id" TYPE BIGINT;

-- +downgrade postgresql
-- online: a statement that waits more than 2s for its lock fails instead of queueing every query on its table behind it; run the revision again later
SET LOCAL lock_timeout = '2s';

-- WARNING: changes the type of "memberships"."user_id" from BIGINT to INTEGER: values out of range make it fail
ALTER TABLE "memberships" ALTER COLUMN "user_id" TYPE INTEGER;

