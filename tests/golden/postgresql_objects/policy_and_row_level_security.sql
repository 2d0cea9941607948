-- golden: policy_and_row_level_security
-- operations:
--   changed options of table "users": none -> ROW LEVEL SECURITY
--   added policy "own_rows" on "users"

-- +upgrade postgresql
ALTER TABLE "users" ENABLE ROW LEVEL SECURITY;

CREATE POLICY own_rows ON users FOR SELECT USING (active);

-- +downgrade postgresql
DROP POLICY "own_rows" ON "users";

ALTER TABLE "users" DISABLE ROW LEVEL SECURITY;

