-- golden: alter_default
-- operations:
--   changed column "memberships"."role": default 'member' -> none
--   changed column "orders"."total_cents": default 0 -> -1
--   changed column "users"."full_name": default none -> 'n/a'

-- +upgrade postgresql
-- online: a statement that waits more than 2s for its lock fails instead of queueing every query on its table behind it; run the revision again later
SET LOCAL lock_timeout = '2s';

ALTER TABLE "memberships" ALTER COLUMN "role" DROP DEFAULT;

ALTER TABLE "orders" ALTER COLUMN "total_cents" SET DEFAULT -1;

ALTER TABLE "users" ALTER COLUMN "full_name" SET DEFAULT 'n/a';

-- +downgrade postgresql
-- online: a statement that waits more than 2s for its lock fails instead of queueing every query on its table behind it; run the revision again later
SET LOCAL lock_timeout = '2s';

ALTER TABLE "users" ALTER COLUMN "full_name" DROP DEFAULT;

ALTER TABLE "orders" ALTER COLUMN "total_cents" SET DEFAULT 0;

ALTER TABLE "memberships" ALTER COLUMN "role" SET DEFAULT 'member';

