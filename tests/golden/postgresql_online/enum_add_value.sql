-- golden: enum_add_value
-- operations:
--   changed enum "order_status": (pending, paid, shipped, cancelled) -> (draft, pending, paid, shipped, refunded, cancelled)

-- +upgrade postgresql
-- new labels cannot be used in the transaction that adds them (PostgreSQL)
ALTER TYPE "order_status" ADD VALUE 'draft' BEFORE 'pending';

ALTER TYPE "order_status" ADD VALUE 'refunded' AFTER 'shipped';

-- +downgrade postgresql
-- online: a statement that waits more than 2s for its lock fails instead of queueing every query on its table behind it; run the revision again later
SET LOCAL lock_timeout = '2s';

-- rebuild enum "order_status" (ALTER TYPE cannot drop labels): labels 'draft', 'pending', 'paid', 'shipped', 'refunded', 'cancelled' become 'pending', 'paid', 'shipped', 'cancelled'
-- WARNING: drops label(s) 'draft', 'refunded' of enum "order_status": rows holding them make the conversion fail; update them first
ALTER TYPE "order_status" RENAME TO "_autogen_old_order_status";

CREATE TYPE "order_status" AS ENUM ('pending', 'paid', 'shipped', 'cancelled');

DROP INDEX "ix_orders_paid";

ALTER TABLE "orders" ALTER COLUMN "status" DROP DEFAULT;

ALTER TABLE "orders" ALTER COLUMN "status" TYPE "order_status" USING "status"::text::"order_status";

ALTER TABLE "orders" ALTER COLUMN "status" SET DEFAULT 'pending';

CREATE INDEX "ix_orders_paid" ON "orders" ("user_id") WHERE status = 'paid';

DROP TYPE "_autogen_old_order_status";

