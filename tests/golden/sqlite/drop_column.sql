-- golden: drop_column
-- operations:
--   removed column "users"."full_name"

-- +upgrade sqlite
-- WARNING: drops column "users"."full_name" and its values
ALTER TABLE "users" DROP COLUMN "full_name";

-- +downgrade sqlite
ALTER TABLE "users" ADD COLUMN "full_name" TEXT;

