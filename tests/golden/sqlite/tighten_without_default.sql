-- golden: tighten_without_default
-- operations:
--   changed column "users"."full_name": NULL -> NOT NULL

-- +upgrade sqlite
-- rebuild table "users" (SQLite cannot ALTER this in place): alter column "full_name"
-- WARNING: "users"."full_name" becomes NOT NULL and has no server default: rows where it is NULL make this fail.
-- Fill them first: replace <value> and uncomment the next line.
-- UPDATE "users" SET "full_name" = <value> WHERE "full_name" IS NULL;
CREATE TABLE "_autogen_new_users" (
    "id" INTEGER NOT NULL PRIMARY KEY,
    "email" VARCHAR(255) NOT NULL,
    "full_name" TEXT NOT NULL,
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

