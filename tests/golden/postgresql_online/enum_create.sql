-- golden: enum_create
-- operations:
--   added enum "priority" (low, high)
--   added column "orders"."priority"

-- +upgrade postgresql
-- online: a statement that waits more than 2s for its lock fails instead of queueing every query on its table behind it; run the revision again later
SET LOCAL lock_timeout = '2s';

CREATE TYPE "priority" AS ENUM ('low', 'high');

ALTER TABLE "orders" ADD COLUMN "priority" "priority";

-- +downgrade postgresql
-- online: a statement that waits more than 2s for its lock fails instead of queueing every query on its table behind it; run the revision again later
SET LOCAL lock_timeout = '2s';

-- WARNING: drops column "orders"."priority" and its values
ALTER TABLE "orders" DROP COLUMN "priority";

DROP TYPE "priority";

