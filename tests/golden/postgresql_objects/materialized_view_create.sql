-- golden: materialized_view_create
-- operations:
--   added materialized view "user_count"

-- +upgrade postgresql
CREATE MATERIALIZED VIEW user_count AS SELECT count(*) AS n FROM users;

-- +downgrade postgresql
DROP MATERIALIZED VIEW "user_count";

