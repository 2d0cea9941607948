-- golden: type_drop
-- operations:
--   removed type "float_range"

-- +upgrade postgresql
DROP TYPE "float_range";

-- +downgrade postgresql
CREATE TYPE float_range AS RANGE (SUBTYPE = float8);

