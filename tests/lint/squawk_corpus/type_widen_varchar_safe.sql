-- squawk corpus: type_widen_varchar_safe
-- Changes that need no rewrite: a VARCHAR's limit grows, VARCHAR to TEXT.

-- +upgrade postgresql
SET LOCAL lock_timeout = '2s';
ALTER TABLE "users" ALTER COLUMN "email" TYPE VARCHAR(320);
ALTER TABLE "users" ALTER COLUMN "nickname" TYPE TEXT;

-- +downgrade postgresql
SET LOCAL lock_timeout = '2s';
-- autogen:lint ignore AG106 nicknames and emails were VARCHAR before, no stored value is longer
ALTER TABLE "users" ALTER COLUMN "nickname" TYPE VARCHAR(40);
-- autogen:lint ignore AG106 no stored email is longer than 255 characters
ALTER TABLE "users" ALTER COLUMN "email" TYPE VARCHAR(255);
