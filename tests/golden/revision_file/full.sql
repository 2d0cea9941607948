-- autogen revision
-- revision: 0badc0ffee42
-- down_revision: 9a8b7c6d5e4f, 1c2d3e4f5a6b
-- message: Merge: drop legacy, index orders
-- created: 2026-11-21T15:30:00Z
-- branch_labels: reporting
-- depends_on: 5e6f7a8b9c0d

-- +upgrade sqlite
-- no scanned file declares table "legacy"
-- WARNING: drops table "legacy" and its rows
DROP TABLE "legacy";

-- ix_orders_user
-- from src/models/order.hpp:12
CREATE INDEX "ix_orders_user" ON "orders" ("user_id");

-- +downgrade sqlite
DROP INDEX "ix_orders_user";

CREATE TABLE "legacy" (
    "id" INTEGER NOT NULL PRIMARY KEY
);

-- the rows of "legacy" are not restored

-- +upgrade postgresql
-- autogen: no-transaction
-- WARNING: drops table "legacy" and its rows
DROP TABLE "legacy";

CREATE INDEX CONCURRENTLY "ix_orders_user" ON "orders" ("user_id");

-- +downgrade postgresql
-- autogen: no-transaction
DROP INDEX CONCURRENTLY "ix_orders_user";

CREATE TABLE "legacy" (
    "id" BIGINT NOT NULL PRIMARY KEY
);
