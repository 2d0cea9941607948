-- golden: tighten_with_default
-- operations:
--   changed column "users"."nickname": NULL -> NOT NULL, default none -> 'anon'

-- +upgrade postgresql
-- autogen: no-transaction
-- online: a statement that waits more than 2s for its lock fails instead of queueing every query on its table behind it; run the revision again later
SET lock_timeout = '2s';

ALTER TABLE "users" ALTER COLUMN "nickname" SET DEFAULT 'anon';

RESET lock_timeout;

-- NULLs take the default before the column becomes NOT NULL
UPDATE "users" SET "nickname" = 'anon' WHERE "nickname" IS NULL;

SET lock_timeout = '2s';

-- online: NOT NULL through a validated check, so SET NOT NULL needs no scan
ALTER TABLE "users" ADD CONSTRAINT "autogen_nn_nickname" CHECK ("nickname" IS NOT NULL) NOT VALID;

RESET lock_timeout;

-- online: checks the existing rows while reads and writes go on
ALTER TABLE "users" VALIDATE CONSTRAINT "autogen_nn_nickname";

SET lock_timeout = '2s';

ALTER TABLE "users" ALTER COLUMN "nickname" SET NOT NULL;

ALTER TABLE "users" DROP CONSTRAINT "autogen_nn_nickname";

RESET lock_timeout;

-- +downgrade postgresql
-- online: a statement that waits more than 2s for its lock fails instead of queueing every query on its table behind it; run the revision again later
SET LOCAL lock_timeout = '2s';

ALTER TABLE "users" ALTER COLUMN "nickname" DROP DEFAULT;

ALTER TABLE "users" ALTER COLUMN "nickname" DROP NOT NULL;

