-- golden: primary_key
-- operations:
--   changed primary key of "memberships": (user_id, group_id) -> (group_id, user_id)

-- +upgrade sqlite
-- rebuild table "memberships" (SQLite cannot ALTER this in place): change the primary key
CREATE TABLE "_autogen_new_memberships" (
    "user_id" INTEGER NOT NULL,
    "group_id" INTEGER NOT NULL,
    "role" TEXT NOT NULL DEFAULT 'member',
    PRIMARY KEY ("group_id", "user_id")
);

INSERT INTO "_autogen_new_memberships" ("user_id", "group_id", "role") SELECT "user_id", "group_id", "role" FROM "memberships";

DROP TABLE "memberships";

ALTER TABLE "_autogen_new_memberships" RENAME TO "memberships";

-- +downgrade sqlite
-- rebuild table "memberships" (SQLite cannot ALTER this in place): change the primary key
CREATE TABLE "_autogen_new_memberships" (
    "user_id" INTEGER NOT NULL,
    "group_id" INTEGER NOT NULL,
    "role" TEXT NOT NULL DEFAULT 'member',
    PRIMARY KEY ("user_id", "group_id")
);

INSERT INTO "_autogen_new_memberships" ("user_id", "group_id", "role") SELECT "user_id", "group_id", "role" FROM "memberships";

DROP TABLE "memberships";

ALTER TABLE "_autogen_new_memberships" RENAME TO "memberships";

