-- golden: tighten_with_default
-- operations:
--   changed column "users"."nickname": NULL -> NOT NULL, default none -> 'anon'

-- +upgrade postgresql
ALTER TABLE "users" ALTER COLUMN "nickname" SET DEFAULT 'anon';

-- NULLs take the default before the column becomes NOT NULL
UPDATE "users" SET "nickname" = 'anon' WHERE "nickname" IS NULL;

ALTER TABLE "users" ALTER COLUMN "nickname" SET NOT NULL;

-- +downgrade postgresql
ALTER TABLE "users" ALTER COLUMN "nickname" DROP DEFAULT;

ALTER TABLE "users" ALTER COLUMN "nickname" DROP NOT NULL;

