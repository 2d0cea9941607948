-- autogen revision
-- revision: 3f2a9c1b7d4e
-- down_revision: 9a8b7c6d5e4f
-- message: add user phone
-- created: 2026-11-21T15:30:00Z

-- +upgrade sqlite
ALTER TABLE "users" ADD COLUMN "phone" VARCHAR(20);

-- +downgrade sqlite
ALTER TABLE "users" DROP COLUMN "phone";
