-- golden: generated_add
-- operations:
--   added column "orders"."total_doubled"

-- +upgrade sqlite
-- rebuild table "orders" (SQLite cannot ALTER this in place): add column "total_doubled"
CREATE TABLE "_autogen_new_orders" (
    "id" INTEGER NOT NULL PRIMARY KEY,
    "user_id" BIGINT NOT NULL,
    "total_cents" BIGINT NOT NULL DEFAULT 0,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "total_doubled" BIGINT NOT NULL GENERATED ALWAYS AS (total_cents * 2) STORED,
    CONSTRAINT "fk_orders_user_id" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE,
    CONSTRAINT "ck_orders_total" CHECK (total_cents >= 0),
    CONSTRAINT "ck_orders_status_enum" CHECK ("status" IN ('pending', 'paid', 'shipped', 'cancelled'))
);

INSERT INTO "_autogen_new_orders" ("id", "user_id", "total_cents", "status") SELECT "id", "user_id", "total_cents", "status" FROM "orders";

DROP TABLE "orders";

ALTER TABLE "_autogen_new_orders" RENAME TO "orders";

CREATE INDEX "ix_orders_user_id" ON "orders" ("user_id");

CREATE INDEX "ix_orders_paid" ON "orders" ("user_id") WHERE status = 'paid';

-- +downgrade sqlite
-- WARNING: drops column "orders"."total_doubled" and its values
ALTER TABLE "orders" DROP COLUMN "total_doubled";

