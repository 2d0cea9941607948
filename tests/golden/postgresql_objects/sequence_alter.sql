-- golden: sequence_alter
-- operations:
--   changed sequence "invoice_no" (ALTER SEQUENCE: type bigint -> integer, increment 10 -> 5, maxvalue 9223372036854775807 -> 2147483647, cache 1 -> 20, cycle)

-- +upgrade postgresql
ALTER SEQUENCE "invoice_no" AS integer INCREMENT BY 5 MAXVALUE 2147483647 CACHE 20 CYCLE;

-- +downgrade postgresql
ALTER SEQUENCE "invoice_no" AS bigint INCREMENT BY 10 MAXVALUE 9223372036854775807 CACHE 1 NO CYCLE;

