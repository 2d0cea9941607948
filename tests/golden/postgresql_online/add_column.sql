-- golden: add_column
-- operations:
--   added column "users"."phone"

-- +upgrade postgresql
-- online: a statement that waits more than 2s for its lock fails instead of queueing every query on its table behind it; run the revision again later
SET LOCAL lock_timeout = '2s';

ALTER TABLE "users" ADD COLUMN "phone" VARCHAR(20);

COMMENT ON COLUMN "users"."phone" IS 'E.164';

-- +downgrade postgresql
-- online: a statement that waits more than 2s for its lock fails instead of queueing every query on its table behind it; run the revision again later
SET LOCAL lock_timeout = '2s';

-- WARNING: drops column "users"."phone" and its values
ALTER TABLE "users" DROP COLUMN "phone";

