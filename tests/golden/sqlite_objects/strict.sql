-- golden: strict
-- operations:
--   changed column "users"."active": type BOOLEAN -> INT
--   changed options of table "users": none -> STRICT

-- +upgrade sqlite
-- rebuild table "users" (SQLite cannot ALTER this in place): alter column "active"
-- WARNING: changes the type of "users"."active" from BOOLEAN to INT (NUMERIC to INTEGER affinity); values may be converted
CREATE TABLE "_autogen_new_users" (
    "id" INTEGER NOT NULL PRIMARY KEY,
    "email" TEXT NOT NULL,
    "active" INT
) STRICT;

INSERT INTO "_autogen_new_users" ("id", "email", "active") SELECT "id", "email", "active" FROM "users";

DROP TABLE "users";

ALTER TABLE "_autogen_new_users" RENAME TO "users";

-- +downgrade sqlite
-- rebuild table "users" (SQLite cannot ALTER this in place): alter column "active"
-- WARNING: changes the type of "users"."active" from INT to BOOLEAN (INTEGER to NUMERIC affinity); values may be converted
CREATE TABLE "_autogen_new_users" (
    "id" INTEGER NOT NULL PRIMARY KEY,
    "email" TEXT NOT NULL,
    "active" BOOLEAN
);

INSERT INTO "_autogen_new_users" ("id", "email", "active") SELECT "id", "email", "active" FROM "users";

DROP TABLE "users";

ALTER TABLE "_autogen_new_users" RENAME TO "users";

