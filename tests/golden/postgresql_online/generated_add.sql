-- golden: generated_add
-- operations:
--   added column "orders"."total_doubled"

-- +upgrade postgresql
-- online: a statement that waits more than 2s for its lock fails instead of queueing every query on its table behind it; run the revision again later
SET LOCAL lock_timeout = '2s';

ALTER TABLE "orders" ADD COLUMN "total_doubled" BIGINT NOT NULL GENERATED ALWAYS AS (total_cents * 2) STORED;

-- +downgrade postgresql
-- online: a statement that waits more than 2s for its lock fails instead of queueing every query on its table behind it; run the revision again later
SET LOCAL lock_timeout = '2s';

-- WARNING: drops column "orders"."total_doubled" and its values
ALTER TABLE "orders" DROP COLUMN "total_doubled";

