-- squawk corpus: add_serial_column
-- Serial, identity and stored generated columns number or compute every existing row.

-- +upgrade postgresql
SET LOCAL lock_timeout = '2s';
ALTER TABLE "events" ADD COLUMN "seq" BIGSERIAL;
ALTER TABLE "events" ADD COLUMN "number" BIGINT GENERATED ALWAYS AS IDENTITY;
ALTER TABLE "events" ADD COLUMN "total_cents" BIGINT GENERATED ALWAYS AS ("amount" * 100) STORED;

-- +downgrade postgresql
SET LOCAL lock_timeout = '2s';
ALTER TABLE "events" DROP COLUMN "total_cents";
ALTER TABLE "events" DROP COLUMN "number";
ALTER TABLE "events" DROP COLUMN "seq";
