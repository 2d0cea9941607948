-- autogen revision
-- revision: 000000000001
-- down_revision: none
-- message: init
-- created: 2026-11-21T15:30:00Z
-- reviewed_by: (not yet reviewed)

-- +upgrade sqlite
CREATE TABLE "users" (
    "id" INTEGER NOT NULL PRIMARY KEY,
    "email" VARCHAR(255) NOT NULL,
    CONSTRAINT "uq_users_email" UNIQUE ("email")
);
-- ----
CREATE TABLE "posts" (
    "id" INTEGER NOT NULL PRIMARY KEY,
    "author_id" BIGINT NOT NULL,
    "title" TEXT NOT NULL,
    CONSTRAINT "fk_posts_author_id_users" FOREIGN KEY ("author_id") REFERENCES "users" ("id") ON DELETE CASCADE
);
-- ----
CREATE INDEX "ix_posts_author_id" ON "posts" ("author_id");

-- +downgrade sqlite
-- WARNING: drops table "posts" and all its rows
DROP TABLE "posts";
-- ----
-- WARNING: drops table "users" and all its rows
DROP TABLE "users";
