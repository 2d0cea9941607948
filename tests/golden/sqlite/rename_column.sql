-- golden: rename_column
-- operations:
--   renamed column "users"."full_name" to "display_name"

-- +upgrade sqlite
ALTER TABLE "users" RENAME COLUMN "full_name" TO "display_name";

-- +downgrade sqlite
ALTER TABLE "users" RENAME COLUMN "display_name" TO "full_name";

