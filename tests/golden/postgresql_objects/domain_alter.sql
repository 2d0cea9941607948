-- golden: domain_alter
-- operations:
--   changed domain "email_address" (ALTER DOMAIN: check "email_len" added, default set, NOT NULL set)

-- +upgrade postgresql
ALTER DOMAIN "email_address" ADD CONSTRAINT "email_len" CHECK ((length(VALUE) < 320));

ALTER DOMAIN "email_address" SET DEFAULT 'nobody@example.com'::text;

ALTER DOMAIN "email_address" SET NOT NULL;

-- +downgrade postgresql
ALTER DOMAIN "email_address" DROP CONSTRAINT "email_len";

ALTER DOMAIN "email_address" DROP DEFAULT;

ALTER DOMAIN "email_address" DROP NOT NULL;

