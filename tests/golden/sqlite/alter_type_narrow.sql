-- golden: alter_type_narrow
-- operations:
--   changed column "users"."email": type VARCHAR(255) -> VARCHAR(100)

-- +upgrade sqlite
-- rebuild table "users" (SQLite cannot ALTER this in place): alter column "email"
CREATE TABLE "_autogen_new_users" (
    "id" INTEGER NOT NULL PRIMARY KEY,
    "email" VARCHAR(100) NOT NULL,
    "full_name" TEXT,
    "nickname" TEXT,
    CONSTRAINT "uq_users_email" UNIQUE ("email")
);

INSERT INTO "_autogen_new_users" ("id", "email", "full_name", "nickname") SELECT "id", "email", "full_name", "nickname" FROM "users";

DROP TABLE "users";

ALTER TABLE "_autogen_new_users" RENAME TO "users";

CREATE INDEX "ix_users_nickname" ON "users" ("nickname");

-- +downgrade sqlite
-- rebuild table "users" (SQLite cannot ALTER this in place): alter column "email"
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

