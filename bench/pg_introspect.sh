#!/usr/bin/env bash
# PostgreSQL benchmark of issue 4: autogen's inspector, and a whole `autogen diff`,
# beside Alembic's autogenerate comparison on the same database.
#   bench/pg_introspect.sh BUILD_DIR [N=1000] [BIG=10000] [RUNS=5]
# BUILD_DIR holds autogen and bench/pg_introspect_bench (-DAUTOGEN_BUILD_BENCHMARKS=ON).
# Starts a throw-away server (scripts/pg-server.sh), builds N tables (bench/pg_bench_schema.sh:
# 10 columns, 2 indexes, 1 foreign key, 1 check each, 3 enums) and prints:
#   - the inspector alone (bench/pg_introspect.cpp): the first run on a new connection
#     (cold: what one command pays) and the median of RUNS more on it (warm);
#   - Alembic 1.8.1's compare_metadata (bench/alembic_compare.py, Debian's
#     python3-alembic, compare_type and compare_server_default on), one diff to find;
#   - `autogen diff` as a user runs it (whole process): a generated model tree of N
#     structs matching the database plus one added column, the scan cache warmed by a
#     first run; median and min of RUNS; the diff must find exactly that one column;
#   - the ratios, and the inspector on BIG tables (BIG=0 skips it; building 10,000 tables
#     that all reference t0 takes minutes: each new foreign key reloads t0's triggers).
# Not a test: the figures go to docs/performance.md, "PostgreSQL".
set -euo pipefail
shopt -s inherit_errexit  # a failure inside $(make_db ...) stops the benchmark too
root=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:?usage: pg_introspect.sh BUILD_DIR [N] [BIG] [RUNS]}" && pwd)
n=${2:-1000}
big=${3:-10000}
runs=${4:-5}
bench=$build/bench/pg_introspect_bench
[ -x "$bench" ] || bench=$build/pg_introspect_bench
[ -x "$bench" ] || { echo "no pg_introspect_bench in $build: configure with -DAUTOGEN_BUILD_BENCHMARKS=ON and build it" >&2; exit 2; }
autogen=$build/autogen
[ -x "$autogen" ] || { echo "no autogen in $build: build the autogen target" >&2; exit 2; }
# shellcheck source=bench/pg_bench_schema.sh
source "$root/bench/pg_bench_schema.sh"

work=$(mktemp -d /tmp/autogen-pgbench-XXXXXX)
chmod 755 "$work"  # the server runs as the postgres user when we are root
server=$work/server
trap '"$root/scripts/pg-server.sh" stop "$server" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
url=$("$root/scripts/pg-server.sh" start "$server")
unset DATABASE_URL AUTOGEN_NO_CACHE AUTOGEN_CACHE_DIR

# make_db NAME COUNT: a database NAME holding COUNT tables; prints its URL.
make_db() {
  psql -q "$url" -c "CREATE DATABASE $1" >/dev/null
  local db_url=${url%/postgres}/$1
  schema_sql "$2" | psql -q -v ON_ERROR_STOP=1 "$db_url" >/dev/null
  local tables
  tables=$(psql -Atq "$db_url" -c "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")
  [ "$tables" = "$2" ] || { echo "building $1: $tables tables instead of $2" >&2; exit 1; }
  echo "$db_url"
}

# ms NAME: the number after NAME= in $line
field() { sed -E "s/.*$1=([0-9.]+).*/\\1/" <<<"$line"; }

echo "machine: $(nproc) cores, $(uname -sr), $(psql -Atq "$url" -c 'SHOW server_version'), load $(cut -d' ' -f1-3 /proc/loadavg), $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "building $n tables ..." >&2
small=$(make_db bench_small "$n")

line=$("$bench" "$small" "$runs")
echo "autogen inspector, $n tables: $line"
cold_ms=$(field cold_ms)
warm_ms=$(field median_ms)

line=$(/usr/bin/python3 "$root/bench/alembic_compare.py" "$small")
echo "alembic compare_metadata, $n tables: $line"
alembic_ms=$(awk -v s="$(field seconds)" 'BEGIN { printf "%.0f", s * 1000 }')

project=$work/project
model_tree "$project" "$n" "$small"
(cd "$project" && "$autogen" diff >"$work/diff.out" 2>&1) || { cat "$work/diff.out" >&2; echo "autogen diff failed" >&2; exit 1; }
detected=$(grep -c '^detected' "$work/diff.out" || true)
if [ "$detected" != 1 ] || ! grep -q '^detected added column "t0"."added_by_bench"' "$work/diff.out"; then
  grep '^detected' "$work/diff.out" | head -n 20 >&2
  echo "autogen diff should find exactly the added column t0.added_by_bench (found $detected changes):" \
       "bench/pg_bench_schema.sh's models and DDL disagree" >&2
  exit 1
fi
samples=()
for _ in $(seq "$runs"); do
  start=$(date +%s%N)
  (cd "$project" && "$autogen" diff >/dev/null 2>&1)
  samples+=($(( ($(date +%s%N) - start) / 1000000 )))
done
sorted=$(printf '%s\n' "${samples[@]}" | sort -n)
diff_ms=$(sed -n "$(( (runs + 1) / 2 ))p" <<<"$sorted")
echo "autogen diff (warm scan cache), $n tables: median_ms=$diff_ms min_ms=$(head -n 1 <<<"$sorted") runs=$runs"

awk -v a="$alembic_ms" -v c="$cold_ms" -v w="$warm_ms" -v d="$diff_ms" 'BEGIN {
  printf "ratio, inspector cold: %.1fx faster than Alembic (target 50x)\n", a / c
  printf "ratio, inspector warm: %.1fx faster than Alembic\n", a / w
  printf "ratio, autogen diff: %.1fx faster than Alembic (target 20x)\n", a / d
}'

if [ "$big" -gt 0 ]; then
  echo "building $big tables ..." >&2
  large=$(make_db bench_large "$big")
  echo "autogen inspector, $big tables (target < 3000 ms): $("$bench" "$large" 3)"
fi
