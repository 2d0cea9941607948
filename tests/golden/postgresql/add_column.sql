-- golden: add_column
-- operations:
--   added column "users"."phone"

-- +upgrade postgresql
ALTER TABLE "users" ADD COLUMN "phone" VARCHAR(20);

COMMENT ON COLUMN "users"."phone" IS 'E.164';

-- +downgrade postgresql
-- WARNING: drops column "users"."phone" and its values
ALTER TABLE "users" DROP COLUMN "phone";

