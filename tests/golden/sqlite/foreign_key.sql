-- golden: foreign_key
-- operations:
--   added foreign key "fk_memberships_user" on "memberships" (user_id) -> "users" (id)
--   removed foreign key "fk_orders_user_id" on "orders" (user_id)

-- +upgrade sqlite
-- rebuild table "memberships" (SQLite cannot ALTER this in place): add foreign key "fk_memberships_user"
CREATE TABLE "_autogen_new_memberships" (
    "user_id" INTEGER NOT NULL,
    "group_id" INTEGER NOT NULL,
    "role" TEXT NOT NULL DEFAULT 'member',
    PRIMARY KEY ("user_id", "group_id"),
    CONSTRAINT "fk_memberships_user" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE ON UPDATE RESTRICT
);

INSERT INTO "_autogen_new_memberships" ("user_id", "group_id", "role") SELECT "user_id", "group_id", "role" FROM "memberships";

DROP TABLE "memberships";

ALTER TABLE "_autogen_new_memberships" RENAME TO "memberships";

-- rebuild table "orders" (SQLite cannot ALTER this in place): drop foreign key "fk_orders_user_id"
CREATE TABLE "_autogen_new_orders" (
    "id" INTEGER NOT NULL PRIMARY KEY,
    "user_id" BIGINT NOT NULL,
    "total_cents" BIGINT NOT NULL DEFAULT 0,
    "status" TEXT NOT NULL DEFAULT 'pending',
    CONSTRAINT "ck_orders_total" CHECK (total_cents >= 0),
    CONSTRAINT "ck_orders_status_enum" CHECK ("status" IN ('pending', 'paid', 'shipped', 'cancelled'))
);

INSERT INTO "_autogen_new_orders" ("id", "user_id", "total_cents", "status") SELECT "id", "user_id", "total_cents", "status" FROM "orders";

DROP TABLE "orders";

ALTER TABLE "_autogen_new_orders" RENAME TO "orders";

CREATE INDEX "ix_orders_user_id" ON "orders" ("user_id");

CREATE INDEX "ix_orders_paid" ON "orders" ("user_id") WHERE status = 'paid';

-- +downgrade sqlite
-- rebuild table "orders" (SQLite cannot ALTER this in place): add foreign key "fk_orders_user_id"
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

-- rebuild table "memberships" (SQLite cannot ALTER this in place): drop foreign key "fk_memberships_user"
CREATE TABLE "_autogen_new_memberships" (
    "user_id" INTEGER NOT NULL,
    "group_id" INTEGER NOT NULL,
    "role" TEXT NOT NULL DEFAULT 'member',
    PRIMARY KEY ("user_id", "group_id")
);

INSERT INTO "_autogen_new_memberships" ("user_id", "group_id", "role") SELECT "user_id", "group_id", "role" FROM "memberships";

DROP TABLE "memberships";

ALTER TABLE "_autogen_new_memberships" RENAME TO "memberships";

