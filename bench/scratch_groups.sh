#!/usr/bin/env bash
# PostgreSQL benchmark of issue 15: creating N tables in a scratch database through
# pipeline::run_statement_groups on 1 to 4 sessions, with and without batches.
#   bench/scratch_groups.sh BUILD_DIR [N=1000] [RUNS=2] [SESSIONS="1 2 3 4"]
# BUILD_DIR holds bench/scratch_groups_bench (-DAUTOGEN_BUILD_BENCHMARKS=ON). Starts a
# throw-away server (scripts/pg-server.sh) and splits bench/pg_bench_schema.sh's
# schema_sql into the 3 CREATE TYPEs (run first), one group per table with its two
# indexes but without its foreign key, then one group per foreign key (ALTER TABLE ...
# ADD CONSTRAINT; every one references t0, so they queue on t0's lock: timed apart).
# Each run gets a fresh scratch database. Configurations:
#   - batch 1, 1 table per group: each statement alone (what materialize does today);
#   - batch 30, 10 tables (30 statements, or 10 foreign keys) per group, one transaction
#     and one call per group;
#   - batch 1, 10 tables per group: the same grouping without batches;
#   - "split1": as split, but the foreign keys on one session (they queue on t0 anyway);
#   - "inline": each table's foreign key inside its CREATE TABLE, as the planner writes a
#     new table today (t0 created first, with the types), no foreign-key phase; batch 1
#     and 1 table per group, then batch 30 and 10 tables per group.
# CONFIGS="split 1 1,inline 30 10" picks configurations ("MODE BATCH TABLES_PER_GROUP", comma separated).
# Not a test: the figures go to docs/performance.md.
set -euo pipefail
shopt -s inherit_errexit
root=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:?usage: scratch_groups.sh BUILD_DIR [N] [RUNS] [SESSIONS]}" && pwd)
n=${2:-1000}
runs=${3:-2}
sessions=${4:-1 2 3 4}
IFS=, read -r -a configs <<<"${CONFIGS:-split 1 1,split 30 10,split 1 10,split1 30 10,inline 1 1,inline 30 10}"
bench=$build/bench/scratch_groups_bench
[ -x "$bench" ] || { echo "no $bench: configure with -DAUTOGEN_BUILD_BENCHMARKS=ON and build it" >&2; exit 2; }
# shellcheck source=bench/pg_bench_schema.sh
source "$root/bench/pg_bench_schema.sh"

work=$(mktemp -d /tmp/autogen-scratchbench-XXXXXX)
chmod 755 "$work"  # the server runs as the postgres user when we are root
server=$work/server
trap '"$root/scripts/pg-server.sh" stop "$server" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
url=$("$root/scripts/pg-server.sh" start "$server")

# One group per line, statements separated by ';' (scratch_groups.cpp).
schema_sql "$n" | grep '^CREATE TYPE' | tr '\n' ' ' >"$work/tables.sql"
echo >>"$work/tables.sql"
schema_sql "$n" | grep '^CREATE TABLE' | sed 's/ REFERENCES t0 (id) ON DELETE CASCADE//' >>"$work/tables.sql"
schema_sql "$n" | grep -o '^CREATE TABLE t[0-9]*' | sed -E 's/CREATE TABLE (t[0-9]+)/ALTER TABLE \1 ADD CONSTRAINT \1_parent_id_fkey FOREIGN KEY (parent_id) REFERENCES t0 (id) ON DELETE CASCADE/' >"$work/fks.sql"

{ schema_sql "$n" | grep -E '^CREATE (TYPE|TABLE t0 )' | tr '\n' ' '; echo; } >"$work/inline.sql"
schema_sql "$n" | grep '^CREATE TABLE' | grep -v '^CREATE TABLE t0 ' >>"$work/inline.sql"

echo "machine: $(nproc) cores, $(uname -sr), $(psql -Atq "$url" -c 'SHOW server_version'), $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "$n tables, $(grep -c . "$work/fks.sql") foreign keys; times in ms; each line: load average (1 min) before the run"
for run in $(seq "$runs"); do
  for s in $sessions; do
    for config in "${configs[@]}"; do
      read -r mode batch per <<<"$config"
      load=$(cut -d' ' -f1 /proc/loadavg)
      if [ "$mode" = split ]; then
        line=$("$bench" "$url" "$work/tables.sql" "$work/fks.sql" "$s" "$batch" "$per")
      elif [ "$mode" = split1 ]; then
        line=$("$bench" "$url" "$work/tables.sql" "$work/fks.sql" "$s" "$batch" "$per" 1)
      else
        line=$("$bench" "$url" "$work/inline.sql" - "$s" "$batch" "$per")
      fi
      grep -q "tables=$n indexes=$((3 * n)) fks=$n " <<<"$line" || { echo "incomplete: $line" >&2; exit 1; }
      echo "run=$run sessions=$s fks=$mode batch=$batch tables_per_group=$per load=$load $line"
    done
  done
done
