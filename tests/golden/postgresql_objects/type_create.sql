-- golden: type_create
-- operations:
--   added type "postal_address"
--   added type "float_range"
--   added column "users"."address"

-- +upgrade postgresql
CREATE TYPE postal_address AS (street text, city text);

CREATE TYPE float_range AS RANGE (SUBTYPE = float8);

ALTER TABLE "users" ADD COLUMN "address" "postal_address";

-- +downgrade postgresql
-- WARNING: drops column "users"."address" and its values
ALTER TABLE "users" DROP COLUMN "address";

DROP TYPE "float_range";

DROP TYPE "postal_address";

