-- autogen revision
-- revision: 000000000002
-- down_revision: 000000000001
-- message: add phone
-- created: 2026-11-21T15:30:00Z
-- changes: added column "posts"."subtitle"; added column "users"."phone"

-- +upgrade sqlite
/* 1 of 2 */ ALTER TABLE "posts" ADD COLUMN "subtitle" TEXT;
/* 2 of 2 */ ALTER TABLE "users" ADD COLUMN "phone" VARCHAR(20);

-- +downgrade sqlite
-- WARNING: drops column "users"."phone" and its values
/* 1 of 2 */ ALTER TABLE "users" DROP COLUMN "phone";
-- WARNING: drops column "posts"."subtitle" and its values
/* 2 of 2 */ ALTER TABLE "posts" DROP COLUMN "subtitle";
