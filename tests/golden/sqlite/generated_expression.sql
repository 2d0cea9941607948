-- golden: generated_expression
-- operations:
--   changed column "categories"."slug": generated (lower(title)) STORED -> generated (upper(title)) STORED

-- +upgrade sqlite
-- rebuild table "categories" (SQLite cannot ALTER this in place): alter column "slug"
CREATE TABLE "_autogen_new_categories" (
    "id" INTEGER NOT NULL PRIMARY KEY,
    "parent_id" BIGINT,
    "title" TEXT NOT NULL,
    "slug" TEXT NOT NULL GENERATED ALWAYS AS (upper(title)) STORED,
    CONSTRAINT "fk_categories_parent" FOREIGN KEY ("parent_id") REFERENCES "categories" ("id") ON DELETE CASCADE
);

INSERT INTO "_autogen_new_categories" ("id", "parent_id", "title") SELECT "id", "parent_id", "title" FROM "categories";

DROP TABLE "categories";

ALTER TABLE "_autogen_new_categories" RENAME TO "categories";

-- +downgrade sqlite
-- rebuild table "categories" (SQLite cannot ALTER this in place): alter column "slug"
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

