-- golden: drop_column
-- operations:
--   removed column "users"."full_name"

-- +upgrade postgresql
-- WARNING: drops column "users"."full_name" and its values
ALTER TABLE "users" DROP COLUMN "full_name";

-- +downgrade postgresql
ALTER TABLE "users" ADD COLUMN "full_name" TEXT;

