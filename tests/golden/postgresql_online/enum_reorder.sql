-- golden: enum_reorder
-- operations:
--   changed enum "order_status": (pending, paid, shipped, cancelled) -> (pending, shipped, paid, cancelled)

-- +upgrade postgresql
-- online: a statement that waits more than 2s for its lock fails instead of queueing every query on its table behind it; run the revision again later
SET LOCAL lock_timeout = '2s';

-- rebuild enum "order_status" (ALTER TYPE cannot reorder labels): labels 'pending', 'paid', 'shipped', 'cancelled' become 'pending', 'shipped', 'paid', 'cancelled'
ALTER TYPE "order_status" RENAME TO "_autogen_old_order_status";

CREATE TYPE "order_status" AS ENUM ('pending', 'shipped', 'paid', 'cancelled');

DROP INDEX "ix_orders_paid";

ALTER TABLE "orders" ALTER COLUMN "status" DROP DEFAULT;

ALTER TABLE "orders" ALTER COLUMN "status" TYPE "order_status" USING "status"::text::"order_status";

ALTER TABLE "orders" ALTER COLUMN "status" SET DEFAULT 'pending';

CREATE INDEX "ix_orders_paid" ON "orders" ("user_id") WHERE status = 'paid';

DROP TYPE "_autogen_old_order_status";

-- +downgrade postgresql
-- online: a statement that waits more than 2s for its lock fails instead of queueing every query on its table behind it; run the revision again later
SET LOCAL lock_timeout = '2s';

-- rebuild enum "order_status" (ALTER TYPE cannot reorder labels): labels 'pending', 'shipped', 'paid', 'cancelled' become 'pending', 'paid', 'shipped', 'cancelled'
ALTER TYPE "order_status" RENAME TO "_autogen_old_order_status";

CREATE TYPE "order_status" AS ENUM ('pending', 'paid', 'shipped', 'cancelled');

DROP INDEX "ix_orders_paid";

ALTER TABLE "orders" ALTER COLUMN "status" DROP DEFAULT;

ALTER TABLE "orders" ALTER COLUMN "status" TYPE "order_status" USING "status"::text::"order_status";

ALTER TABLE "orders" ALTER COLUMN "status" SET DEFAULT 'pending';

CREATE INDEX "ix_orders_paid" ON "orders" ("user_id") WHERE status = 'paid';

DROP TYPE "_autogen_old_order_status";

