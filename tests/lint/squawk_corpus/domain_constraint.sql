-- squawk corpus: domain_constraint
-- A domain with a check, and a check added to a domain in use: every column of that
-- domain is checked.

-- +upgrade postgresql
CREATE DOMAIN "positive_cents" AS BIGINT CHECK (VALUE >= 0);
ALTER DOMAIN "email_address" ADD CONSTRAINT "email_has_at" CHECK (VALUE LIKE '%@%');

-- +downgrade postgresql
ALTER DOMAIN "email_address" DROP CONSTRAINT "email_has_at";
DROP DOMAIN "positive_cents";
