-- golden: partition_rebound
-- operations:
--   changed partition "events_2025" on "events" (DETACH and ATTACH: FOR VALUES FROM ('2025-01-01') TO ('2026-01-01') -> FOR VALUES FROM ('2025-01-01') TO ('2026-07-01'))

-- +upgrade postgresql
ALTER TABLE "events" DETACH PARTITION "events_2025";

ALTER TABLE "events" ATTACH PARTITION "events_2025" FOR VALUES FROM ('2025-01-01') TO ('2026-07-01');

-- +downgrade postgresql
ALTER TABLE "events" DETACH PARTITION "events_2025";

ALTER TABLE "events" ATTACH PARTITION "events_2025" FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');

