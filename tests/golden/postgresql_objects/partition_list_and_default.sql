-- golden: partition_list_and_default
-- operations:
--   added partition "events_eu" on "events"
--   added partition "events_rest" on "events"

-- +upgrade postgresql
CREATE TABLE events_eu PARTITION OF events FOR VALUES IN ('de', 'fr');

CREATE TABLE events_rest PARTITION OF events DEFAULT;

-- +downgrade postgresql
DROP TABLE "events_rest";

DROP TABLE "events_eu";

