-- squawk corpus: detach_partition
-- DETACH PARTITION without CONCURRENTLY takes ACCESS EXCLUSIVE on the partitioned table.

-- +upgrade postgresql
SET LOCAL lock_timeout = '2s';
ALTER TABLE "measurements" DETACH PARTITION "measurements_2020";

-- +downgrade postgresql
SET LOCAL lock_timeout = '2s';
ALTER TABLE "measurements" ATTACH PARTITION "measurements_2020" FOR VALUES FROM ('2020-01-01') TO ('2021-01-01');
