-- golden: comments
-- operations:
--   changed column "users"."email": comment
--   changed comment of table "users"

-- +upgrade postgresql
COMMENT ON COLUMN "users"."email" IS 'login; ''unique''';

COMMENT ON TABLE "users" IS 'People who can sign in';

-- +downgrade postgresql
COMMENT ON TABLE "users" IS NULL;

COMMENT ON COLUMN "users"."email" IS NULL;

