-- golden: enum_drop_label
-- operations:
--   changed enum "order_status": (pending, paid, shipped, cancelled) -> (pending, paid, shipped)

-- +upgrade postgresql
-- online: a statement that waits more than 2s for its lock fails instead of queueing every query on its table behind it; run the revision again later
SET LOCAL lock_timeout = '2s';

-- rebuild enum "order_status" (ALTER TYPE cannot drop labels): labels 'pending', 'paid', 'shipped', 'cancelled' become 'pending', 'paid', 'shipped'
-- WARNING: drops label(s) 'cancelled' of enum "order_status": rows holding them make the conversion fail; update them first
ALTER TYPE "order_status" RENAME TO "_autogen_old_order_status";

CREATE TYPE "order_status" AS ENUM ('pending', 'paid', 'shipped');

DROP INDEX "ix_orders_paid";

ALTER TABLE "orders" ALTER COLUMN "status" DROP DEFAULT;

ALTER TABLE "orders" ALTER COLUMN "status" TYPE "order_status" USING "status"::text::"order_status";

ALTER TABLE "orders" ALTER COLUMN "status" SET DEFAULT 'pending';

CREATE INDEX "ix_orders_paid" ON "orders" ("user_id") WHERE status = 'paid';

DROP TYPE "_autogen_old_order_status";

-- +downgrade postgresql
-- new labels cannot be used in the transaction that adds them (PostgreSQL)
ALTER TYPE "order_status" ADD VALUE 'cancelled' AFTER 'shipped';

