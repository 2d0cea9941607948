-- squawk corpus: add_unique
-- ADD UNIQUE builds its index under ACCESS EXCLUSIVE.

-- +upgrade postgresql
SET LOCAL lock_timeout = '2s';
ALTER TABLE "users" ADD CONSTRAINT "uq_users_email" UNIQUE ("email");

-- +downgrade postgresql
SET LOCAL lock_timeout = '2s';
ALTER TABLE "users" DROP CONSTRAINT "uq_users_email";
