-- golden: alter_default
-- operations:
--   changed column "memberships"."role": default 'member' -> none
--   changed column "orders"."total_cents": default 0 -> -1
--   changed column "users"."full_name": default none -> 'n/a'

-- +upgrade sqlite
-- rebuild table "memberships" (SQLite cannot ALTER this in place): alter column "role"
CREATE TABLE "_autogen_new_memberships" (
    "user_id" INTEGER NOT NULL,
    "group_id" INTEGER NOT NULL,
    "role" TEXT NOT NULL,
    PRIMARY KEY ("user_id", "group_id")
);

INSERT INTO "_autogen_new_memberships" ("user_id", "group_id", "role") SELECT "user_id", "group_id", "role" FROM "memberships";

DROP TABLE "memberships";

ALTER TABLE "_autogen_new_memberships" RENAME TO "memberships";

-- rebuild table "orders" (SQLite cannot ALTER this in place): alter column "total_cents"
CREATE TABLE "_autogen_new_orders" (
    "id" INTEGER NOT NULL PRIMARY KEY,
    "user_id" BIGINT NOT NULL,
    "total_cents" BIGINT NOT NULL DEFAULT -1,
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

-- rebuild table "users" (SQLite cannot ALTER this in place): alter column "full_name"
CREATE TABLE "_autogen_new_users" (
    "id" INTEGER NOT NULL PRIMARY KEY,
    "email" VARCHAR(255) NOT NULL,
    "full_name" TEXT DEFAULT 'n/a',
    "nickname" TEXT,
    CONSTRAINT "uq_users_email" UNIQUE ("email")
);

INSERT INTO "_autogen_new_users" ("id", "email", "full_name", "nickname") SELECT "id", "email", "full_name", "nickname" FROM "users";

DROP TABLE "users";

ALTER TABLE "_autogen_new_users" RENAME TO "users";

CREATE INDEX "ix_users_nickname" ON "users" ("nickname");

-- +downgrade sqlite
-- rebuild table "users" (SQLite cannot ALTER this in place): alter column "full_name"
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

-- rebuild table "orders" (SQLite cannot ALTER this in place): alter column "total_cents"
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

-- rebuild table "memberships" (SQLite cannot ALTER this in place): alter column "role"
CREATE TABLE "_autogen_new_memberships" (
    "user_id" INTEGER NOT NULL,
    "group_id" INTEGER NOT NULL,
    "role" TEXT NOT NULL DEFAULT 'member',
    PRIMARY KEY ("user_id", "group_id")
);

INSERT INTO "_autogen_new_memberships" ("user_id", "group_id", "role") SELECT "user_id", "group_id", "role" FROM "memberships";

DROP TABLE "memberships";

ALTER TABLE "_autogen_new_memberships" RENAME TO "memberships";

