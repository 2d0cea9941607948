-- squawk corpus: volatile_default_safe
-- The column added without the volatile default, which is set afterwards for new rows
-- only; a constant or STABLE default is stored once in the catalog.

-- +upgrade postgresql
SET LOCAL lock_timeout = '2s';
ALTER TABLE "users" ADD COLUMN "token" UUID;
ALTER TABLE "users" ALTER COLUMN "token" SET DEFAULT gen_random_uuid();
ALTER TABLE "users" ADD COLUMN "created_at" TIMESTAMPTZ DEFAULT now();
ALTER TABLE "users" ADD COLUMN "plan" TEXT NOT NULL DEFAULT 'free';

-- +downgrade postgresql
SET LOCAL lock_timeout = '2s';
-- autogen:lint ignore AG113 the columns this revision added, nothing else reads them yet
ALTER TABLE "users" DROP COLUMN "plan", DROP COLUMN "created_at", DROP COLUMN "token";
