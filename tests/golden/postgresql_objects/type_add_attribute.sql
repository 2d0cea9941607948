-- golden: type_add_attribute
-- operations:
--   changed type "postal_address" (ALTER TYPE: adds zip character varying(10))

-- +upgrade postgresql
ALTER TYPE "postal_address" ADD ATTRIBUTE zip character varying(10);

-- +downgrade postgresql
ALTER TYPE "postal_address" DROP ATTRIBUTE zip;

