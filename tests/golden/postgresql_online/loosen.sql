-- golden: loosen
-- operations:
--   changed column "orders"."total_cents": NOT NULL -> NULL

-- +upgrade postgresql
-- online: a statement that waits more than 2s for its lock fails instead of queueing every query on its table behind it; run the revision again later
SET LOCAL lock_timeout = '2s';

ALTER TABLE "orders" ALTER COLUMN "total_cents" DROP NOT NULL;

-- +downgrade postgresql
-- autogen: no-transaction
-- NULLs take the default before the column becomes NOT NULL
UPDATE "orders" SET "total_cents" = 0 WHERE "total_cents" IS NULL;

-- online: a statement that waits more than 2s for its lock fails instead of queueing every query on its table behind it; run the revision again later
SET lock_timeout = '2s';

-- online: NOT NULL through a validated check, so SET NOT NULL needs no scan
ALTER TABLE "orders" ADD CONSTRAINT "autogen_nn_total_cents" CHECK ("total_cents" IS NOT NULL) NOT VALID;

RESET lock_timeout;

-- online: checks the existing rows while reads and writes go on
ALTER TABLE "orders" VALIDATE CONSTRAINT "autogen_nn_total_cents";

SET lock_timeout = '2s';

ALTER TABLE "orders" ALTER COLUMN "total_cents" SET NOT NULL;

ALTER TABLE "orders" DROP CONSTRAINT "autogen_nn_total_cents";

RESET lock_timeout;

