-- autogen revision
-- revision: 000000000001
-- down_revision: none
-- message: spec example
-- created: 2026-11-21T15:30:00Z

-- +upgrade sqlite
CREATE TABLE "users" (
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "id" INTEGER NOT NULL PRIMARY KEY,
    "email" VARCHAR(255) NOT NULL,
    "full_name" TEXT,
    CONSTRAINT "uq_users_email" UNIQUE ("email")
);

CREATE TABLE "orders" (
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "id" INTEGER NOT NULL PRIMARY KEY,
    "user_id" BIGINT NOT NULL,
    "total_cents" BIGINT NOT NULL,
    "status" TEXT NOT NULL,
    "amount" NUMERIC(12,2) NOT NULL,
    CONSTRAINT "fk_orders_user_id_users" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE,
    CONSTRAINT "ck_orders_status_enum" CHECK ("status" IN ('pending', 'paid', 'shipped')),
    CONSTRAINT "ck_orders_total" CHECK (total_cents >= 0)
);

CREATE INDEX "ix_orders_user_created" ON "orders" ("user_id", "created_at");

CREATE INDEX "ix_orders_user_id" ON "orders" ("user_id");

-- +downgrade sqlite
-- WARNING: drops table "orders" and all its rows
DROP TABLE "orders";

-- WARNING: drops table "users" and all its rows
DROP TABLE "users";
