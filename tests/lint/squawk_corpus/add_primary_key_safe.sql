-- squawk corpus: add_primary_key_safe
-- The unique index built CONCURRENTLY, then the key added on it.

-- +upgrade postgresql
-- autogen: no-transaction
CREATE UNIQUE INDEX CONCURRENTLY "events_pkey" ON "events" ("id");

SET lock_timeout = '2s';

ALTER TABLE "events" ADD CONSTRAINT "events_pkey" PRIMARY KEY USING INDEX "events_pkey";

RESET lock_timeout;

-- +downgrade postgresql
SET LOCAL lock_timeout = '2s';
ALTER TABLE "events" DROP CONSTRAINT "events_pkey";
