-- golden: index
-- operations:
--   removed index "ix_users_nickname" on "users"
--   added unique index "ix_users_email_lower" on "users" ((lower(email)), id)

-- +upgrade postgresql
-- autogen: no-transaction
DROP INDEX CONCURRENTLY "ix_users_nickname";

CREATE UNIQUE INDEX CONCURRENTLY "ix_users_email_lower" ON "users" ((lower(email)), "id") WHERE nickname IS NOT NULL;

-- +downgrade postgresql
-- autogen: no-transaction
DROP INDEX CONCURRENTLY "ix_users_email_lower";

CREATE INDEX CONCURRENTLY "ix_users_nickname" ON "users" ("nickname");

