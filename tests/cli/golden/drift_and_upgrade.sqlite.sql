-- autogen revision
-- revision: 000000000002
-- down_revision: 000000000001
-- message: add phone, tags
-- created: 2026-11-21T15:30:00Z

-- +upgrade sqlite
CREATE TABLE "tags" (
    "id" INTEGER NOT NULL PRIMARY KEY,
    "label" TEXT NOT NULL,
    CONSTRAINT "uq_tags_label" UNIQUE ("label")
);

ALTER TABLE "users" ADD COLUMN "phone" TEXT;

CREATE INDEX "ix_users_name" ON "users" ("name");

-- +downgrade sqlite
DROP INDEX "ix_users_name";

-- WARNING: drops table "tags" and all its rows
DROP TABLE "tags";

-- WARNING: drops column "users"."phone" and its values
ALTER TABLE "users" DROP COLUMN "phone";
