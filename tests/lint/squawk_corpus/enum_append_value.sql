-- squawk corpus: enum_append_value
-- A label appended to an enum (no BEFORE or AFTER).

-- +upgrade postgresql
ALTER TYPE "order_status" ADD VALUE 'refunded';

-- +downgrade postgresql
