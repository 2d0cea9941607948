-- golden: add_column
-- operations:
--   added column "users"."phone"

-- +upgrade sqlite
ALTER TABLE "users" ADD COLUMN "phone" VARCHAR(20);

-- +downgrade sqlite
-- WARNING: drops column "users"."phone" and its values
ALTER TABLE "users" DROP COLUMN "phone";

