-- squawk corpus: add_primary_key
-- ADD PRIMARY KEY builds its index under ACCESS EXCLUSIVE.

-- +upgrade postgresql
SET LOCAL lock_timeout = '2s';
ALTER TABLE "events" ADD PRIMARY KEY ("id");

-- +downgrade postgresql
SET LOCAL lock_timeout = '2s';
ALTER TABLE "events" DROP CONSTRAINT "events_pkey";
