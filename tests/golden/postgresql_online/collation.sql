-- golden: collation
-- operations:
--   changed column "users"."nickname": collation default -> C

-- +upgrade postgresql
-- online: a statement that waits more than 2s for its lock fails instead of queueing every query on its table behind it; run the revision again later
SET LOCAL lock_timeout = '2s';

ALTER TABLE "users" ALTER COLUMN "nickname" TYPE TEXT COLLATE "C";

-- +downgrade postgresql
-- online: a statement that waits more than 2s for its lock fails instead of queueing every query on its table behind it; run the revision again later
SET LOCAL lock_timeout = '2s';

ALTER TABLE "users" ALTER COLUMN "nickname" TYPE TEXT COLLATE "default";

