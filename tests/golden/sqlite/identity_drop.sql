-- golden: identity_drop
-- operations:
--   changed column "categories"."id": type INTEGER -> BIGINT, no longer an identity

-- +upgrade sqlite
-- rebuild table "categories" (SQLite cannot ALTER this in place): alter column "id"
CREATE TABLE "_autogen_new_categories" (
    "id" BIGINT NOT NULL,
    "parent_id" BIGINT,
    "title" TEXT NOT NULL,
    "slug" TEXT NOT NULL GENERATED ALWAYS AS (lower(title)) STORED,
    PRIMARY KEY ("id"),
    CONSTRAINT "fk_categories_parent" FOREIGN KEY ("parent_id") REFERENCES "categories" ("id") ON DELETE CASCADE
);

INSERT INTO "_autogen_new_categories" ("id", "parent_id", "title") SELECT "id", "parent_id", "title" FROM "categories";

DROP TABLE "categories";

ALTER TABLE "_autogen_new_categories" RENAME TO "categories";

-- +downgrade sqlite
-- rebuild table "categories" (SQLite cannot ALTER this in place): alter column "id"
CREATE TABLE "_autogen_new_categories" (
    "id" INTEGER NOT NULL PRIMARY KEY,
    "parent_id" BIGINT,
    "title" TEXT NOT NULL,
    "slug" TEXT NOT NULL GENERATED ALWAYS AS (lower(title)) STORED,
    CONSTRAINT "fk_categories_parent" FOREIGN KEY ("parent_id") REFERENCES "categories" ("id") ON DELETE CASCADE
);

INSERT INTO "_autogen_new_categories" ("id", "parent_id", "title") SELECT "id", "parent_id", "title" FROM "categories";

DROP TABLE "categories";

ALTER TABLE "_autogen_new_categories" RENAME TO "categories";

