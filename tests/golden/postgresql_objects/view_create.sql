-- golden: view_create
-- operations:
--   added view "active_users"

-- +upgrade postgresql
CREATE VIEW active_users AS SELECT id, email FROM users WHERE active;

-- +downgrade postgresql
DROP VIEW "active_users";

