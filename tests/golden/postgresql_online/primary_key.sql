-- golden: primary_key
-- operations:
--   changed primary key of "memberships": (user_id, group_id) -> (group_id, user_id)

-- +upgrade postgresql
-- autogen: no-transaction
-- online: a statement that waits more than 2s for its lock fails instead of queueing every query on its table behind it; run the revision again later
SET lock_timeout = '2s';

ALTER TABLE "memberships" DROP CONSTRAINT "memberships_pkey";

RESET lock_timeout;

-- online: the PRIMARY KEY's index is built while reads and writes go on
CREATE UNIQUE INDEX CONCURRENTLY "memberships_pkey" ON "memberships" ("group_id", "user_id");

SET lock_timeout = '2s';

ALTER TABLE "memberships" ADD CONSTRAINT "memberships_pkey" PRIMARY KEY USING INDEX "memberships_pkey";

RESET lock_timeout;

-- +downgrade postgresql
-- autogen: no-transaction
-- online: a statement that waits more than 2s for its lock fails instead of queueing every query on its table behind it; run the revision again later
SET lock_timeout = '2s';

ALTER TABLE "memberships" DROP CONSTRAINT "memberships_pkey";

RESET lock_timeout;

-- online: the PRIMARY KEY's index is built while reads and writes go on
CREATE UNIQUE INDEX CONCURRENTLY "memberships_pkey" ON "memberships" ("user_id", "group_id");

SET lock_timeout = '2s';

ALTER TABLE "memberships" ADD CONSTRAINT "memberships_pkey" PRIMARY KEY USING INDEX "memberships_pkey";

RESET lock_timeout;

