-- golden: generated_expression
-- operations:
--   changed column "categories"."slug": generated (lower(title)) STORED -> generated (upper(title)) STORED

-- +upgrade postgresql
-- online: a statement that waits more than 2s for its lock fails instead of queueing every query on its table behind it; run the revision again later
SET LOCAL lock_timeout = '2s';

-- PostgreSQL cannot change a generation expression in place: the column is dropped and added again, and its values are recomputed
ALTER TABLE "categories" DROP COLUMN "slug";

ALTER TABLE "categories" ADD COLUMN "slug" TEXT NOT NULL GENERATED ALWAYS AS (upper(title)) STORED;

-- +downgrade postgresql
-- online: a statement that waits more than 2s for its lock fails instead of queueing every query on its table behind it; run the revision again later
SET LOCAL lock_timeout = '2s';

-- PostgreSQL cannot change a generation expression in place: the column is dropped and added again, and its values are recomputed
ALTER TABLE "categories" DROP COLUMN "slug";

ALTER TABLE "categories" ADD COLUMN "slug" TEXT NOT NULL GENERATED ALWAYS AS (lower(title)) STORED;

