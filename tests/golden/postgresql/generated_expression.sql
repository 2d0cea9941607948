-- golden: generated_expression
-- operations:
--   changed column "categories"."slug": generated (lower(title)) STORED -> generated (upper(title)) STORED

-- +upgrade postgresql
-- PostgreSQL cannot change a generation expression in place: the column is dropped and added again, and its values are recomputed
ALTER TABLE "categories" DROP COLUMN "slug";

ALTER TABLE "categories" ADD COLUMN "slug" TEXT NOT NULL GENERATED ALWAYS AS (upper(title)) STORED;

-- +downgrade postgresql
-- PostgreSQL cannot change a generation expression in place: the column is dropped and added again, and its values are recomputed
ALTER TABLE "categories" DROP COLUMN "slug";

ALTER TABLE "categories" ADD COLUMN "slug" TEXT NOT NULL GENERATED ALWAYS AS (lower(title)) STORED;

