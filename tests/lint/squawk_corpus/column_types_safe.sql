-- squawk corpus: column_types_safe
-- A new table (nobody's yet) with the types squawk's style rules name, and nullable
-- columns of those types added to a table in use (catalog only).

-- +upgrade postgresql
SET LOCAL lock_timeout = '2s';

CREATE TABLE "invoices" (
    "id" SERIAL PRIMARY KEY,
    "number" VARCHAR(20) NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "lines" SMALLINT NOT NULL,
    "issued_at" TIMESTAMP NOT NULL,
    "customer_id" INTEGER NOT NULL REFERENCES "customers" ("id")
);

CREATE INDEX "ix_invoices_customer_id" ON "invoices" ("customer_id");

ALTER TABLE "orders" ADD COLUMN "invoice_id" INTEGER;

ALTER TABLE "orders" ADD COLUMN "reference" VARCHAR(64);

-- +downgrade postgresql
SET LOCAL lock_timeout = '2s';
-- autogen:lint ignore AG113 the columns this revision added, nothing else reads them yet
ALTER TABLE "orders" DROP COLUMN "reference", DROP COLUMN "invoice_id";
DROP TABLE "invoices";
