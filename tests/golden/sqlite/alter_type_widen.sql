-- golden: alter_type_widen
-- operations:
--   changed column "memberships"."user_id": type INTEGER -> BIGINT

-- +upgrade sqlite
-- rebuild table "memberships" (SQLite cannot ALTER this in place): alter column "user_id"
CREATE TABLE "_autogen_new_memberships" (
    "user_id" BIGINT NOT NULL,
    "group_id" INTEGER NOT NULL,
    "role" TEXT NOT NULL DEFAULT 'member',
    PRIMARY KEY ("user_id", "group_id")
);

INSERT INTO "_autogen_new_memberships" ("user_id", "group_id", "role") SELECT "user_id", "group_id", "role" FROM "memberships";

DROP TABLE "memberships";

ALTER TABLE "_autogen_new_memberships" RENAME TO "memberships";

-- +downgrade sqlite
-- rebuild table "memberships" (SQLite cannot ALTER this in place): alter column "user_id"
CREATE TABLE "_autogen_new_memberships" (
    "user_id" INTEGER NOT NULL,
    "group_id" INTEGER NOT NULL,
    "role" TEXT NOT NULL DEFAULT 'member',
    PRIMARY KEY ("user_id", "group_id")
);

INSERT INTO "_autogen_new_memberships" ("user_id", "group_id", "role") SELECT "user_id", "group_id", "role" FROM "memberships";

DROP TABLE "memberships";

ALTER TABLE "_autogen_new_memberships" RENAME TO "memberships";

