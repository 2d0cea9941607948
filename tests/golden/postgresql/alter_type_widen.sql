-- golden: alter_type_widen
-- operations:
--   changed column "memberships"."user_id": type INTEGER -> BIGINT

-- +upgrade postgresql
ALTER TABLE "memberships" ALTER COLUMN "user_id" TYPE BIGINT;

-- +downgrade postgresql
-- WARNING: changes the type of "memberships"."user_id" from BIGINT to INTEGER: values out of range make it fail
ALTER TABLE "memberships" ALTER COLUMN "user_id" TYPE INTEGER;

