-- golden: alter_type_narrow
-- operations:
--   changed column "users"."email": type VARCHAR(255) -> VARCHAR(100)

-- +upgrade postgresql
-- WARNING: changes the type of "users"."email" from VARCHAR(255) to VARCHAR(100): longer values make it fail
ALTER TABLE "users" ALTER COLUMN "email" TYPE VARCHAR(100);

-- +downgrade postgresql
ALTER TABLE "users" ALTER COLUMN "email" TYPE VARCHAR(255);

