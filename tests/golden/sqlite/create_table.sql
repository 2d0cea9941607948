-- golden: create_table
-- operations:
--   added table "tags"

-- +upgrade sqlite
CREATE TABLE "tags" (
    "id" INTEGER NOT NULL PRIMARY KEY,
    "label" VARCHAR(40) NOT NULL COLLATE "NOCASE",
    "data" BLOB,
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "day" DATE,
    "score" REAL NOT NULL DEFAULT 0,
    "ratio" DOUBLE,
    "flag" BOOLEAN NOT NULL DEFAULT false,
    "small" SMALLINT,
    "owner_id" INTEGER,
    "group_id" INTEGER,
    "amount" NUMERIC(12,2),
    CONSTRAINT "uq_tags_label" UNIQUE ("label"),
    CONSTRAINT "fk_tags_membership" FOREIGN KEY ("owner_id", "group_id") REFERENCES "memberships" ("user_id", "group_id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "ck_tags_score" CHECK (score >= 0 AND score <= 1)
);

CREATE UNIQUE INDEX "ix_tags_lower_label" ON "tags" ((lower(label))) WHERE data IS NULL;

-- +downgrade sqlite
-- WARNING: drops table "tags" and all its rows
DROP TABLE "tags";

