-- golden: policy_alter
-- operations:
--   changed policy "own_rows" on "users" (ALTER POLICY: USING)

-- +upgrade postgresql
ALTER POLICY "own_rows" ON "users" USING ((active AND (email ~~ '%@%'::text)));

-- +downgrade postgresql
ALTER POLICY "own_rows" ON "users" USING (active);

