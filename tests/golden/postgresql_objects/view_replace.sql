-- golden: view_replace
-- operations:
--   changed view "active_users" (replaced in place: same columns)

-- +upgrade postgresql
CREATE OR REPLACE VIEW active_users AS SELECT id, email FROM users WHERE active IS TRUE AND email LIKE '%@%';

-- +downgrade postgresql
CREATE OR REPLACE VIEW active_users AS SELECT id, email FROM users WHERE active;

