#!/usr/bin/env bash
# Times `autogen pull` on a PostgreSQL database of N tables (default 1,000) whose
# constraints are named by SQLAlchemy's convention (pk_<table>, uq_<table>_<col>,
# ix_<table>_<col>, fk_<table>_<col>_<reftable>, ck_<table>_<name>), on a throw-away
# loopback server (scripts/pg-server.sh, stopped at the end). Each run pulls into an
# empty folder from a project without [models] naming, so every run detects the
# convention, edits autogen.toml and writes N headers; also `pull --diff` (reads and
# compares, writes nothing). Prints a table (median and min of the runs, wall clock,
# whole process). Not a test: figures go to docs/performance.md, "autogen pull".
# usage: bench/pull_bench.sh path/to/autogen [tables=1000] [runs=5]
set -euo pipefail
autogen=$(realpath "${1:?usage: pull_bench.sh path/to/autogen [tables] [runs]}")
tables=${2:-1000}
runs=${3:-5}
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d /tmp/autogen-pull-bench.XXXXXX)
chmod 755 "$work"  # the server runs as postgres when we are root
server="$work/pg"
cleanup() {
  bash "$root/scripts/pg-server.sh" stop "$server" > /dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
source "$root/bench/timing.sh"

url=$(PG_SERVER_OPTIONS="-c max_locks_per_transaction=1024" \
      bash "$root/scripts/pg-server.sh" start "$server" | tail -n 1)
export DATABASE_URL=$url

# The schema (bench/sqlalchemy_named_schema.sh), in one transaction.
source "$root/bench/sqlalchemy_named_schema.sh"
{
  echo "BEGIN;"
  sqlalchemy_named_schema "$tables"
  echo "COMMIT;"
} > "$work/schema.sql"
psql -q -v ON_ERROR_STOP=1 -d "$url" -f "$work/schema.sql" > /dev/null

mkdir -p "$work/project"
cd "$work/project"
cat > autogen.toml.orig <<TOML
# bench project
[models]
headers = ["models/*.hpp"]
TOML
cp autogen.toml.orig autogen.toml
"$autogen" pull > /dev/null 2>&1
grep -q '^naming = { pk = "pk_%(table)s"' autogen.toml || { echo "pull did not detect the convention" >&2; exit 1; }
count=$(ls models/*.hpp | wc -l)
[ "$count" -eq "$tables" ] || { echo "pull wrote $count headers, expected $tables" >&2; exit 1; }
"$autogen" pull --diff > /dev/null  # the fixpoint: exit 0, or time_ms aborts below

echo "autogen pull on PostgreSQL $(psql -At -d "$url" -c 'SHOW server_version'), $tables tables (SQLAlchemy names), $runs runs each, ms"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(uname -sr), $(date -u +%Y-%m-%d)"
echo
table_header "pull"
measure "pull (detect, edit autogen.toml, write $tables headers)" \
  "rm -rf models; cp autogen.toml.orig autogen.toml" "$autogen" pull
measure "pull again (nothing changed: no header rewritten)" ":" "$autogen" pull
measure "pull --diff (nothing differs)" ":" "$autogen" pull --diff
