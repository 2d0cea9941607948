-- golden: unique
-- operations:
--   removed unique constraint "uq_users_email" on "users" (email)
--   added unique constraint "uq_users_nick_name" on "users" (nickname, full_name)

-- +upgrade postgresql
-- autogen: no-transaction
-- online: a statement that waits more than 2s for its lock fails instead of queueing every query on its table behind it; run the revision again later
SET lock_timeout = '2s';

ALTER TABLE "users" DROP CONSTRAINT "uq_users_email";

RESET lock_timeout;

-- online: the UNIQUE's index is built while reads and writes go on
CREATE UNIQUE INDEX CONCURRENTLY "uq_users_nick_name" ON "users" ("nickname", "full_name");

SET lock_timeout = '2s';

ALTER TABLE "users" ADD CONSTRAINT "uq_users_nick_name" UNIQUE USING INDEX "uq_users_nick_name";

RESET lock_timeout;

-- +downgrade postgresql
-- autogen: no-transaction
-- online: a statement that waits more than 2s for its lock fails instead of queueing every query on its table behind it; run the revision again later
SET lock_timeout = '2s';

ALTER TABLE "users" DROP CONSTRAINT "uq_users_nick_name";

RESET lock_timeout;

-- online: the UNIQUE's index is built while reads and writes go on
CREATE UNIQUE INDEX CONCURRENTLY "uq_users_email" ON "users" ("email");

SET lock_timeout = '2s';

ALTER TABLE "users" ADD CONSTRAINT "uq_users_email" UNIQUE USING INDEX "uq_users_email";

RESET lock_timeout;

