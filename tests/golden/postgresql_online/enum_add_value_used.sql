-- golden: enum_add_value_used
-- operations:
--   changed enum "order_status": (pending, paid, shipped, cancelled) -> (pending, paid, shipped, cancelled, refunded)
--   changed column "orders"."status": default 'pending' -> 'refunded'

-- +upgrade postgresql
-- online: a statement that waits more than 2s for its lock fails instead of queueing every query on its table behind it; run the revision again later
SET LOCAL lock_timeout = '2s';

-- rebuild enum "order_status" (a label added by ALTER TYPE ... ADD VALUE cannot be used in the same transaction): labels 'pending', 'paid', 'shipped', 'cancelled' become 'pending', 'paid', 'shipped', 'cancelled', 'refunded'
ALTER TYPE "order_status" RENAME TO "_autogen_old_order_status";

CREATE TYPE "order_status" AS ENUM ('pending', 'paid', 'shipped', 'cancelled', 'refunded');

DROP INDEX "ix_orders_paid";

ALTER TABLE "orders" ALTER COLUMN "status" DROP DEFAULT;

ALTER TABLE "orders" ALTER COLUMN "status" TYPE "order_status" USING "status"::text::"order_status";

ALTER TABLE "orders" ALTER COLUMN "status" SET DEFAULT 'pending';

CREATE INDEX "ix_orders_paid" ON "orders" ("user_id") WHERE status = 'paid';

DROP TYPE "_autogen_old_order_status";

ALTER TABLE "orders" ALTER COLUMN "status" SET DEFAULT 'refunded';

-- +downgrade postgresql
-- online: a statement that waits more than 2s for its lock fails instead of queueing every query on its table behind it; run the revision again later
SET LOCAL lock_timeout = '2s';

ALTER TABLE "orders" ALTER COLUMN "status" SET DEFAULT 'pending';

-- rebuild enum "order_status" (ALTER TYPE cannot drop labels): labels 'pending', 'paid', 'shipped', 'cancelled', 'refunded' become 'pending', 'paid', 'shipped', 'cancelled'
-- WARNING: drops label(s) 'refunded' of enum "order_status": rows holding them make the conversion fail; update them first
ALTER TYPE "order_status" RENAME TO "_autogen_old_order_status";

CREATE TYPE "order_status" AS ENUM ('pending', 'paid', 'shipped', 'cancelled');

DROP INDEX "ix_orders_paid";

ALTER TABLE "orders" ALTER COLUMN "status" DROP DEFAULT;

ALTER TABLE "orders" ALTER COLUMN "status" TYPE "order_status" USING "status"::text::"order_status";

ALTER TABLE "orders" ALTER COLUMN "status" SET DEFAULT 'pending';

CREATE INDEX "ix_orders_paid" ON "orders" ("user_id") WHERE status = 'paid';

DROP TYPE "_autogen_old_order_status";

