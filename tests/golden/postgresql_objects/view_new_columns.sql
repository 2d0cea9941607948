-- golden: view_new_columns
-- operations:
--   dropped view "active_users" to create it again (its definition changes and cannot be replaced in place)
--   created view "active_users" again (its definition changes and cannot be replaced in place)

-- +upgrade postgresql
DROP VIEW "active_users";

CREATE VIEW active_users AS SELECT email FROM users;

-- +downgrade postgresql
DROP VIEW "active_users";

CREATE VIEW active_users AS SELECT id, email FROM users WHERE active;

