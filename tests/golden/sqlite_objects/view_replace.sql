-- golden: view_replace
-- operations:
--   dropped view "active_users" to create it again (its definition changes and cannot be replaced in place)
--   created view "active_users" again (its definition changes and cannot be replaced in place)

-- +upgrade sqlite
DROP VIEW "active_users";

CREATE VIEW active_users AS SELECT id, email FROM users WHERE active = 1;

-- +downgrade sqlite
DROP VIEW "active_users";

CREATE VIEW active_users AS SELECT id, email FROM users WHERE active;

