-- squawk corpus: detach_partition_safe
-- DETACH PARTITION CONCURRENTLY (PostgreSQL 14+), outside a transaction.

-- +upgrade postgresql
-- autogen: no-transaction
ALTER TABLE "measurements" DETACH PARTITION "measurements_2020" CONCURRENTLY;

-- +downgrade postgresql
SET LOCAL lock_timeout = '2s';
ALTER TABLE "measurements" ATTACH PARTITION "measurements_2020" FOR VALUES FROM ('2020-01-01') TO ('2021-01-01');
