-- squawk corpus: type_unknown_source
-- A type change whose old type neither section shows.

-- +upgrade postgresql
SET LOCAL lock_timeout = '2s';
ALTER TABLE "users" ALTER COLUMN "bio" TYPE TEXT;

-- +downgrade postgresql
