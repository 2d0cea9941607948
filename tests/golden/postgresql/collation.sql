-- golden: collation
-- operations:
--   changed column "users"."nickname": collation default -> C

-- +upgrade postgresql
ALTER TABLE "users" ALTER COLUMN "nickname" TYPE TEXT COLLATE "C";

-- +downgrade postgresql
ALTER TABLE "users" ALTER COLUMN "nickname" TYPE TEXT COLLATE "default";

