-- squawk corpus: transaction_nesting
-- Transaction control inside a section the runner already wraps in a transaction: the
-- COMMIT ends the runner's transaction early, so the revision is no longer atomic with
-- its version-table change.

-- +upgrade postgresql
BEGIN;
SET LOCAL lock_timeout = '2s';
ALTER TABLE "users" ADD COLUMN "locale" TEXT;
COMMIT;

-- +downgrade postgresql
BEGIN;
SET LOCAL lock_timeout = '2s';
ALTER TABLE "users" DROP COLUMN "locale";
