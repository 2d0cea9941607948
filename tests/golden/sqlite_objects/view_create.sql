-- golden: view_create
-- operations:
--   added view "active_users"

-- +upgrade sqlite
CREATE VIEW active_users AS SELECT id, email FROM users WHERE active;

-- +downgrade sqlite
DROP VIEW "active_users";

