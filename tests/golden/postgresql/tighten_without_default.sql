-- golden: tighten_without_default
-- operations:
--   changed column "users"."full_name": NULL -> NOT NULL

-- +upgrade postgresql
-- WARNING: "users"."full_name" becomes NOT NULL and has no server default: rows where it is NULL make this fail.
-- Fill them first: replace <value> and uncomment the next line.
-- UPDATE "users" SET "full_name" = <value> WHERE "full_name" IS NULL;
ALTER TABLE "users" ALTER COLUMN "full_name" SET NOT NULL;

-- +downgrade postgresql
ALTER TABLE "users" ALTER COLUMN "full_name" DROP NOT NULL;

