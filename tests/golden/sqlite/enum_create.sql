-- golden: enum_create
-- operations:
--   added enum "priority" (low, high)
--   added column "orders"."priority"
--   added check constraint "ck_orders_priority_enum" on "orders"

-- +upgrade sqlite
-- rebuild table "orders" (SQLite cannot ALTER this in place): add column "priority", add check "ck_orders_priority_enum"
CREATE TABLE "_autogen_new_orders" (
    "id" INTEGER NOT NULL PRIMARY KEY,
    "user_id" BIGINT NOT NULL,
    "total_cents" BIGINT NOT NULL DEFAULT 0,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "priority" TEXT,
    CONSTRAINT "fk_orders_user_id" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE,
    CONSTRAINT "ck_orders_total" CHECK (total_cents >= 0),
    CONSTRAINT "ck_orders_status_enum" CHECK ("status" IN ('pending', 'paid', 'shipped', 'cancelled')),
    CONSTRAINT "ck_orders_priority_enum" CHECK ("priority" IN ('low', 'high'))
);

INSERT INTO "_autogen_new_orders" ("id", "user_id", "total_cents", "status") SELECT "id", "user_id", "total_cents", "status" FROM "orders";

DROP TABLE "orders";

ALTER TABLE "_autogen_new_orders" RENAME TO "orders";

CREATE INDEX "ix_orders_user_id" ON "orders" ("user_id");

CREATE INDEX "ix_orders_paid" ON "orders" ("user_id") WHERE status = 'paid';

-- +downgrade sqlite
-- rebuild table "orders" (SQLite cannot ALTER this in place): drop check "ck_orders_priority_enum", drop column "priority"
-- WARNING: drops column "orders"."priority" and its values
CREATE TABLE "_autogen_new_orders" (
    "id" INTEGER NOT NULL PRIMARY KEY,
    "user_id" BIGINT NOT NULL,
    "total_cents" BIGINT NOT NULL DEFAULT 0,
    "status" TEXT NOT NULL DEFAULT 'pending',
    CONSTRAINT "fk_orders_user_id" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE,
    CONSTRAINT "ck_orders_total" CHECK (total_cents >= 0),
    CONSTRAINT "ck_orders_status_enum" CHECK ("status" IN ('pending', 'paid', 'shipped', 'cancelled'))
);

INSERT INTO "_autogen_new_orders" ("id", "user_id", "total_cents", "status") SELECT "id", "user_id", "total_cents", "status" FROM "orders";

DROP TABLE "orders";

ALTER TABLE "_autogen_new_orders" RENAME TO "orders";

CREATE INDEX "ix_orders_user_id" ON "orders" ("user_id");

CREATE INDEX "ix_orders_paid" ON "orders" ("user_id") WHERE status = 'paid';

