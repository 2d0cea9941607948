-- autogen revision
-- revision: aaaa00000001
-- down_revision: none
-- message: init
-- created: 2026-11-21T15:30:00Z

-- +upgrade sqlite
CREATE TABLE "users" (
    "id" INTEGER NOT NULL PRIMARY KEY,
    "email" VARCHAR(255) NOT NULL,
    "full_name" TEXT,
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "admin" BOOLEAN NOT NULL DEFAULT FALSE,
    "score" DOUBLE NOT NULL,
    "visits" INTEGER NOT NULL,
    "level" SMALLINT NOT NULL,
    "ratio" REAL NOT NULL,
    "avatar" BLOB NOT NULL,
    "birthday" DATE,
    CONSTRAINT "uq_users_email" UNIQUE ("email")
);

CREATE TABLE "posts" (
    "id" INTEGER NOT NULL PRIMARY KEY,
    "author_id" BIGINT NOT NULL,
    "title" VARCHAR(200) NOT NULL,
    "price" NUMERIC(12,2) NOT NULL,
    CONSTRAINT "fk_posts_author_id_users" FOREIGN KEY ("author_id") REFERENCES "users" ("id") ON DELETE CASCADE ON UPDATE RESTRICT
);

CREATE INDEX "ix_posts_author_id" ON "posts" ("author_id");

CREATE INDEX "ix_posts_author_title" ON "posts" ("author_id", "title");

CREATE TABLE "post_tags" (
    "post_id" BIGINT NOT NULL,
    "tag" TEXT NOT NULL,
    PRIMARY KEY ("post_id", "tag"),
    CONSTRAINT "fk_post_tags_post_id_posts" FOREIGN KEY ("post_id") REFERENCES "posts" ("id") ON DELETE CASCADE
);

-- +downgrade sqlite
-- WARNING: drops table "post_tags" and all its rows
DROP TABLE "post_tags";

-- WARNING: drops table "posts" and all its rows
DROP TABLE "posts";

-- WARNING: drops table "users" and all its rows
DROP TABLE "users";
