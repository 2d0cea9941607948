-- squawk corpus: add_unique_safe
-- The unique index built CONCURRENTLY, then the constraint added on it.

-- +upgrade postgresql
-- autogen: no-transaction
CREATE UNIQUE INDEX CONCURRENTLY "uq_users_email" ON "users" ("email");

SET lock_timeout = '2s';

ALTER TABLE "users" ADD CONSTRAINT "uq_users_email" UNIQUE USING INDEX "uq_users_email";

RESET lock_timeout;

-- +downgrade postgresql
SET LOCAL lock_timeout = '2s';
ALTER TABLE "users" DROP CONSTRAINT "uq_users_email";
