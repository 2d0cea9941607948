-- golden: grant_revoke
-- operations:
--   revoked UPDATE on TABLE "users" from PUBLIC
--   granted INSERT on TABLE "users" to PUBLIC

-- +upgrade postgresql
REVOKE UPDATE ON TABLE "users" FROM PUBLIC;

GRANT INSERT ON TABLE "users" TO PUBLIC;

-- +downgrade postgresql
REVOKE INSERT ON TABLE "users" FROM PUBLIC;

GRANT UPDATE ON TABLE "users" TO PUBLIC;

