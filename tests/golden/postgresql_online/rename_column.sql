-- golden: rename_column
-- operations:
--   renamed column "users"."full_name" to "display_name"

-- +upgrade postgresql
-- online: a statement that waits more than 2s for its lock fails instead of queueing every query on its table behind it; run the revision again later
SET LOCAL lock_timeout = '2s';

ALTER TABLE "users" RENAME COLUMN "full_name" TO "display_name";

-- +downgrade postgresql
-- online: a statement that waits more than 2s for its lock fails instead of queueing every query on its table behind it; run the revision again later
SET LOCAL lock_timeout = '2s';

ALTER TABLE "users" RENAME COLUMN "display_name" TO "full_name";

