-- squawk corpus: set_not_null_safe
-- A validated CHECK (col IS NOT NULL) first: PostgreSQL 12+ then skips the scan.

-- +upgrade postgresql
-- autogen: no-transaction
SET lock_timeout = '2s';

ALTER TABLE "users" ADD CONSTRAINT "nn_users_full_name" CHECK ("full_name" IS NOT NULL) NOT VALID;

RESET lock_timeout;

ALTER TABLE "users" VALIDATE CONSTRAINT "nn_users_full_name";

SET lock_timeout = '2s';

ALTER TABLE "users" ALTER COLUMN "full_name" SET NOT NULL;

ALTER TABLE "users" DROP CONSTRAINT "nn_users_full_name";

RESET lock_timeout;

-- +downgrade postgresql
-- autogen:lint ignore AG110 a catalog-only change; the revision's upgrade is the one that waits
ALTER TABLE "users" ALTER COLUMN "full_name" DROP NOT NULL;
