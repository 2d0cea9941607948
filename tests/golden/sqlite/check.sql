-- golden: check
-- operations:
--   removed check constraint "ck_orders_total" on "orders"
--   added check constraint "ck_users_email" on "users"

-- +upgrade sqlite
-- rebuild table "orders" (SQLite cannot ALTER this in place): drop check "ck_orders_total"
CREATE TABLE "_autogen_new_orders" (
    "id" INTEGER NOT NULL PRIMARY KEY,
    "user_id" BIGINT NOT NULL,
    "total_cents" BIGINT NOT NULL DEFAULT 0,
    "status" TEXT NOT NULL DEFAULT 'pending',
    CONSTRAINT "fk_orders_user_id" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE,
    CONSTRAINT "ck_orders_status_enum" CHECK ("status" IN ('pending', 'paid', 'shipped', 'cancelled'))
);

INSERT INTO "_autogen_new_orders" ("id", "user_id", "total_cents", "status") SELECT "id", "user_id", "total_cents", "status" FROM "orders";

DROP TABLE "orders";

ALTER TABLE "_autogen_new_orders" RENAME TO "orders";

CREATE INDEX "ix_orders_user_id" ON "orders" ("user_id");

CREATE INDEX "ix_orders_paid" ON "orders" ("user_id") WHERE status = 'paid';

-- rebuild table "users" (SQLite cannot ALTER this in place): add check "ck_users_email"
CREATE TABLE "_autogen_new_users" (
    "id" INTEGER NOT NULL PRIMARY KEY,
    "email" VARCHAR(255) NOT NULL,
    "full_name" TEXT,
    "nickname" TEXT,
    CONSTRAINT "uq_users_email" UNIQUE ("email"),
    CONSTRAINT "ck_users_email" CHECK (email LIKE '%@%')
);

INSERT INTO "_autogen_new_users" ("id", "email", "full_name", "nickname") SELECT "id", "email", "full_name", "nickname" FROM "users";

DROP TABLE "users";

ALTER TABLE "_autogen_new_users" RENAME TO "users";

CREATE INDEX "ix_users_nickname" ON "users" ("nickname");

-- +downgrade sqlite
-- rebuild table "users" (SQLite cannot ALTER this in place): drop check "ck_users_email"
CREATE TABLE "_autogen_new_users" (
    "id" INTEGER NOT NULL PRIMARY KEY,
    "email" VARCHAR(255) NOT NULL,
    "full_name" TEXT,
    "nickname" TEXT,
    CONSTRAINT "uq_users_email" UNIQUE ("email")
);

INSERT INTO "_autogen_new_users" ("id", "email", "full_name", "nickname") SELECT "id", "email", "full_name", "nickname" FROM "users";

DROP TABLE "users";

ALTER TABLE "_autogen_new_users" RENAME TO "users";

CREATE INDEX "ix_users_nickname" ON "users" ("nickname");

-- rebuild table "orders" (SQLite cannot ALTER this in place): add check "ck_orders_total"
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

