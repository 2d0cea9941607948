-- golden: drop_table
-- operations:
--   removed table "categories" (no scanned file declares it)

-- +upgrade sqlite
-- WARNING: drops table "categories" and all its rows
DROP TABLE "categories";

-- +downgrade sqlite
CREATE TABLE "categories" (
    "id" INTEGER NOT NULL PRIMARY KEY,
    "parent_id" BIGINT,
    "title" TEXT NOT NULL,
    "slug" TEXT NOT NULL GENERATED ALWAYS AS (lower(title)) STORED,
    CONSTRAINT "fk_categories_parent" FOREIGN KEY ("parent_id") REFERENCES "categories" ("id") ON DELETE CASCADE
);

