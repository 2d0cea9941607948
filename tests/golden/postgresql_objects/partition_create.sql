-- golden: partition_create
-- operations:
--   added partition "events_2026" on "events"

-- +upgrade postgresql
CREATE TABLE events_2026 PARTITION OF events FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');

-- +downgrade postgresql
DROP TABLE "events_2026";

