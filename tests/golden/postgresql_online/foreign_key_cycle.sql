-- golden: foreign_key_cycle
-- operations:
--   added table "books"
--   added table "authors"
--   added foreign key "fk_books_author" on "books" (author_id) -> "authors" (id)

-- +upgrade postgresql
CREATE TABLE "books" (
    "id" BIGINT NOT NULL,
    "author_id" BIGINT NOT NULL,
    PRIMARY KEY ("id")
);

CREATE TABLE "authors" (
    "id" BIGINT NOT NULL,
    "best_book_id" BIGINT,
    PRIMARY KEY ("id"),
    CONSTRAINT "fk_authors_best_book" FOREIGN KEY ("best_book_id") REFERENCES "books" ("id")
);

ALTER TABLE "books" ADD CONSTRAINT "fk_books_author" FOREIGN KEY ("author_id") REFERENCES "authors" ("id");

-- +downgrade postgresql
-- online: a statement that waits more than 2s for its lock fails instead of queueing every query on its table behind it; run the revision again later
SET LOCAL lock_timeout = '2s';

ALTER TABLE "books" DROP CONSTRAINT "fk_books_author";

-- WARNING: drops table "authors" and all its rows
DROP TABLE "authors";

-- WARNING: drops table "books" and all its rows
DROP TABLE "books";

