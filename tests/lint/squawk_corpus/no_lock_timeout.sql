-- squawk corpus: no_lock_timeout
-- A brief ACCESS EXCLUSIVE statement with no lock_timeout: if it waits behind a long
-- transaction, every query on the table queues behind it.

-- +upgrade postgresql
ALTER TABLE "users" ADD COLUMN "bio" TEXT;

-- +downgrade postgresql
ALTER TABLE "users" DROP COLUMN "bio";
