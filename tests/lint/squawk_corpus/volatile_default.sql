-- squawk corpus: volatile_default
-- Volatile defaults are computed for every existing row: a rewrite.

-- +upgrade postgresql
SET LOCAL lock_timeout = '2s';
ALTER TABLE "users" ADD COLUMN "token" UUID DEFAULT gen_random_uuid();
ALTER TABLE "users" ADD COLUMN "seen_at" TIMESTAMPTZ DEFAULT clock_timestamp();

-- +downgrade postgresql
SET LOCAL lock_timeout = '2s';
ALTER TABLE "users" DROP COLUMN "seen_at";
ALTER TABLE "users" DROP COLUMN "token";
