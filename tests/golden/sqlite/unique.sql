-- golden: unique
-- operations:
--   removed unique constraint "uq_users_email" on "users" (email)
--   added unique constraint "uq_users_nick_name" on "users" (nickname, full_name)

-- +upgrade sqlite
-- rebuild table "users" (SQLite cannot ALTER this in place): drop unique "uq_users_email", add unique "uq_users_nick_name"
CREATE TABLE "_autogen_new_users" (
    "id" INTEGER NOT NULL PRIMARY KEY,
    "email" VARCHAR(255) NOT NULL,
    "full_name" TEXT,
    "nickname" TEXT,
    CONSTRAINT "uq_users_nick_name" UNIQUE ("nickname", "full_name")
);

INSERT INTO "_autogen_new_users" ("id", "email", "full_name", "nickname") SELECT "id", "email", "full_name", "nickname" FROM "users";

DROP TABLE "users";

ALTER TABLE "_autogen_new_users" RENAME TO "users";

CREATE INDEX "ix_users_nickname" ON "users" ("nickname");

-- +downgrade sqlite
-- rebuild table "users" (SQLite cannot ALTER this in place): drop unique "uq_users_nick_name", add unique "uq_users_email"
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

