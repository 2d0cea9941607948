-- golden: foreign_key_cycle
-- operations:
--   added table "books"
--   added table "authors"
--   added foreign key "fk_books_author" on "books" (author_id) -> "authors" (id)

-- +upgrade sqlite
CREATE TABLE "books" (
    "id" BIGINT NOT NULL,
    "author_id" BIGINT NOT NULL,
    PRIMARY KEY ("id"),
    CONSTRAINT "fk_books_author" FOREIGN KEY ("author_id") REFERENCES "authors" ("id")
);

CREATE TABLE "authors" (
    "id" BIGINT NOT NULL,
    "best_book_id" BIGINT,
    PRIMARY KEY ("id"),
    CONSTRAINT "fk_authors_best_book" FOREIGN KEY ("best_book_id") REFERENCES "books" ("id")
);

-- +downgrade sqlite
-- WARNING: drops table "authors" and all its rows
DROP TABLE "authors";

-- WARNING: drops table "books" and all its rows
DROP TABLE "books";

