-- golden: primary_key
-- operations:
--   changed primary key of "memberships": (user_id, group_id) -> (group_id, user_id)

-- +upgrade postgresql
ALTER TABLE "memberships" DROP CONSTRAINT "memberships_pkey";

ALTER TABLE "memberships" ADD PRIMARY KEY ("group_id", "user_id");

-- +downgrade postgresql
ALTER TABLE "memberships" DROP CONSTRAINT "memberships_pkey";

ALTER TABLE "memberships" ADD PRIMARY KEY ("user_id", "group_id");

