-- golden: comment_on_index_constraint_type
-- operations:
--   changed comment of constraint "users_email_key" on "users"
--   changed comment of constraint "users_email_at" on "users"
--   changed comment of index "users_email" on "users"
--   changed comment of constraint "users_pkey" on "users"
--   changed comment of enum "mood"

-- +upgrade postgresql
COMMENT ON CONSTRAINT "users_email_key" ON "users" IS 'one account per address';

COMMENT ON CONSTRAINT "users_email_at" ON "users" IS 'an address has an @';

COMMENT ON INDEX "users_email" IS 'looked up at sign-in';

COMMENT ON CONSTRAINT "users_pkey" ON "users" IS 'the user''s id';

COMMENT ON TYPE "mood" IS 'how it''s going';

-- +downgrade postgresql
COMMENT ON TYPE "mood" IS NULL;

COMMENT ON CONSTRAINT "users_pkey" ON "users" IS NULL;

COMMENT ON INDEX "users_email" IS NULL;

COMMENT ON CONSTRAINT "users_email_at" ON "users" IS NULL;

COMMENT ON CONSTRAINT "users_email_key" ON "users" IS NULL;

