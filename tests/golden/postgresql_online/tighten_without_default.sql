-- golden: tighten_without_default
-- operations:
--   changed column "users"."full_name": NULL -> NOT NULL

-- +upgrade postgresql
-- autogen: no-transaction
-- online: a statement that waits more than 2s for its lock fails instead of queueing every query on its table behind it; run the revision again later
SET lock_timeout = '2s';

-- WARNING: "users"."full_name" becomes NOT NULL and has no server default: rows where it is NULL make this fail.
-- Fill them first: replace <value> and uncomment the next line.
-- UPDATE "users" SET "full_name" = <value> WHERE "full_name" IS NULL;
-- online: NOT NULL through a validated check, so SET NOT NULL needs no scan
ALTER TABLE "users" ADD CONSTRAINT "autogen_nn_full_name" CHECK ("full_name" IS NOT NULL) NOT VALID;

RESET lock_timeout;

-- online: checks the existing rows while reads and writes go on
ALTER TABLE "users" VALIDATE CONSTRAINT "autogen_nn_full_name";

SET lock_timeout = '2s';

ALTER TABLE "users" ALTER COLUMN "full_name" SET NOT NULL;

ALTER TABLE "users" DROP CONSTRAINT "autogen_nn_full_name";

RESET lock_timeout;

-- +downgrade postgresql
-- online: a statement that waits more than 2s for its lock fails instead of queueing every query on its table behind it; run the revision again later
SET LOCAL lock_timeout = '2s';

ALTER TABLE "users" ALTER COLUMN "full_name" DROP NOT NULL;

