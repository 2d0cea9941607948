-- golden: unique
-- operations:
--   removed unique constraint "uq_users_email" on "users" (email)
--   added unique constraint "uq_users_nick_name" on "users" (nickname, full_name)

-- +upgrade postgresql
ALTER TABLE "users" DROP CONSTRAINT "uq_users_email";

ALTER TABLE "users" ADD CONSTRAINT "uq_users_nick_name" UNIQUE ("nickname", "full_name");

-- +downgrade postgresql
ALTER TABLE "users" DROP CONSTRAINT "uq_users_nick_name";

ALTER TABLE "users" ADD CONSTRAINT "uq_users_email" UNIQUE ("email");

