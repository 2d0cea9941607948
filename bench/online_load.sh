#!/usr/bin/env bash
# Issue 18's load test: one revision applied to a busy 2-million-row PostgreSQL table,
# planned the default way and online, with and without a long transaction in the way.
#   bench/online_load.sh BUILD_DIR [ROWS=2000000] [CLIENTS=8] [HOLD_SECONDS=5]
# BUILD_DIR holds autogen and bench/online_load_bench (-DAUTOGEN_BUILD_BENCHMARKS=ON).
#
# A real autogen project (models/shop.hpp: customers, orders) on a throw-away server
# (scripts/pg-server.sh, 127.0.0.1 only, stopped at the end): `revision -m base` +
# `upgrade head`, then ROWS orders and 1,000 customers. The models then gain, on orders:
# an index on customer_id, a foreign key to customers, a check (amount >= 0), NOT NULL on
# status and note VARCHAR(50) -> VARCHAR(200) (binary-coercible: no rewrite). Two
# revisions of that change are written by autogen: `revision` (the default plan) and
# `revision --online` with `[postgresql] lock_timeout = "100ms"`.
# Each run copies the loaded database (CREATE DATABASE ... TEMPLATE) and runs
# `autogen upgrade head` while CLIENTS sessions insert, update and read orders
# (bench/online_load.cpp; a write every 5 ms per client), then checks that the
# database ended at the head with every index valid and `autogen check` clean.
# Runs: default and online, each alone and with a transaction that read orders
# (ACCESS SHARE) open from just before the upgrade until HOLD_SECONDS after it started.
# Prints the machine line and a markdown table. Bounded: every upgrade is killed after
# 600 s (MAX_SECONDS). KEEP_REVISIONS=DIR keeps both revisions and each upgrade's output
# there. Not a test: the figures go to docs/performance.md.
set -euo pipefail
shopt -s inherit_errexit
exec </dev/null
root=$(cd "$(dirname "$0")/.." && pwd)
usage="usage: bench/online_load.sh BUILD_DIR [ROWS=2000000] [CLIENTS=8] [HOLD_SECONDS=5]"
build=$(cd "${1:?$usage}" && pwd)
rows=${2:-2000000}
clients=${3:-8}
hold=${4:-5}
max_seconds=${MAX_SECONDS:-600}
autogen=$build/autogen
load=$build/bench/online_load_bench
unset DATABASE_URL AUTOGEN_NO_CACHE AUTOGEN_CACHE_DIR

die() {
  echo "online_load.sh: $*" >&2
  exit 1
}
[ -x "$autogen" ] || die "no autogen in $build: build the autogen target"
[ -x "$load" ] || die "no $load: configure with -DAUTOGEN_BUILD_BENCHMARKS=ON and build online_load_bench"
for v in "$rows" "$clients" "$hold"; do [[ $v =~ ^[1-9][0-9]*$ ]] || die "'$v' is not a positive number; $usage"; done
command -v psql >/dev/null || die "no psql: install Debian's postgresql-client"

work=$(mktemp -d /tmp/autogen-online-load-XXXXXX)
chmod 755 "$work"  # the server runs as the postgres user when we are root
server=$work/server
cleanup() {
  "$root/scripts/pg-server.sh" stop "$server" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
began=$(date +%s)
log() { echo "[$(($(date +%s) - began)) s] $*" >&2; }

# Checkpoints spread out, so the runs measure locks rather than WAL flushes.
PG_SERVER_OPTIONS="-c max_wal_size=8GB -c checkpoint_timeout=30min" \
  "$root/scripts/pg-server.sh" start "$server" >/dev/null
server_url=$(cat "$server/url")
db_url() { echo "${server_url%/*}/$1"; }
sql() { psql -X -q -v ON_ERROR_STOP=1 -At "$(db_url "$1")" -c "$2"; }

project=$work/base
mkdir -p "$project/models" "$project/migrations"
cat >"$project/autogen.toml" <<EOF
[database]
url = "\${DATABASE_URL}"
dev_url = "$server_url"

[models]
headers = ["models/*.hpp"]

[migrations]
dir = "migrations"

[postgresql]
lock_timeout = "100ms"
EOF

write_models() {  # before | after
  local after=$1 status_type="std::optional<std::string>" note_length=50
  local customer_attrs="" amount_attrs=""
  if [ "$after" = after ]; then
    status_type="std::string"
    note_length=200
    customer_attrs='AUTOGEN_COLUMN(references = "customers.id", index) '
    amount_attrs='AUTOGEN_COLUMN(check = "amount >= 0") '
  fi
  cat >"$project/models/shop.hpp" <<EOF
#pragma once
#include <autogen/model.hpp>
#include <cstdint>
#include <optional>
#include <string>

struct AUTOGEN_TABLE("customers") Customer {
    AUTOGEN_COLUMN(primary_key, identity) std::int64_t id;
    std::string name;
};

struct AUTOGEN_TABLE("orders") Order {
    AUTOGEN_COLUMN(primary_key, identity) std::int64_t id;
    ${customer_attrs}std::int64_t customer_id;
    ${amount_attrs}std::int32_t amount;
    ${status_type} status;
    AUTOGEN_COLUMN(length = ${note_length}) std::string note;
};
EOF
}

in_project() {  # DIR DATABASE COMMAND...: autogen in DIR against DATABASE
  local dir=$1 database=$2
  shift 2
  (cd "$dir" && DATABASE_URL=$(db_url "$database") "$autogen" "$@")
}

log "building the base database: $rows orders"
sql postgres "CREATE DATABASE load_base"
write_models before
in_project "$project" load_base revision -m base >/dev/null
in_project "$project" load_base upgrade head >/dev/null
sql load_base "INSERT INTO customers (name) SELECT 'customer ' || g FROM generate_series(1, 1000) g"
sql load_base "INSERT INTO orders (customer_id, amount, status, note)
               SELECT 1 + g % 1000, g % 500, 'open', 'order ' || g FROM generate_series(1, $rows) g"
sql load_base "VACUUM ANALYZE"
table_size=$(sql load_base "SELECT pg_size_pretty(pg_total_relation_size('orders'))")

write_models after
for plan in default online; do
  cp -r "$project" "$work/$plan"
  flag=--no-online
  [ "$plan" = online ] && flag=--online
  in_project "$work/$plan" load_base revision -m change "$flag" >/dev/null
done
log "revisions written: $work/default/migrations, $work/online/migrations"
if [ -n "${KEEP_REVISIONS:-}" ]; then
  mkdir -p "$KEEP_REVISIONS"
  for plan in default online; do cp "$work/$plan"/migrations/*change*.sql "$KEEP_REVISIONS/$plan.sql"; done
fi

declare -A result
run_case() {  # PLAN HOLD(0|seconds)
  local plan=$1 hold_s=$2 database="run_${1}_$2" out
  sql postgres "CREATE DATABASE $database TEMPLATE load_base"
  log "$plan plan, long transaction ${hold_s} s: upgrading under load"
  local hold_args=()
  [ "$hold_s" != 0 ] && hold_args=(--hold-lock "$hold_s")
  out=$("$load" --url "$(db_url "$database")" --rows "$rows" --customers 1000 --clients "$clients" \
    "${hold_args[@]}" --max-seconds "$max_seconds" --log "$work/$database.log" -- \
    env DATABASE_URL="$(db_url "$database")" sh -c "cd '$work/$plan' && exec '$autogen' upgrade head") ||
    { cat "$work/$database.log" >&2; die "the $plan upgrade under load failed (above: its output)"; }
  # The end state: at the head, every index valid, nothing drifted.
  [ "$(sql "$database" "SELECT count(*) FROM pg_index WHERE NOT indisvalid")" = 0 ] ||
    die "$plan: an INVALID index was left"
  in_project "$work/$plan" "$database" check >/dev/null ||
    die "$plan: autogen check is not clean after the upgrade"
  local retries
  retries=$(grep -c "waited longer than lock_timeout" "$work/$database.log" || true)
  result[$plan,$hold_s]="$out"$'\n'"retries=$retries"
  [ -z "${KEEP_REVISIONS:-}" ] || cp "$work/$database.log" "$KEEP_REVISIONS/$database.log"
  sql postgres "DROP DATABASE $database"
}

value() { sed -n "s/^$2=//p" <<<"${result[$1]}"; }

for hold_s in 0 "$hold"; do
  for plan in default online; do run_case "$plan" "$hold_s"; done
done

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo)," \
  "$(. /etc/os-release && echo "$PRETTY_NAME"), PostgreSQL $(sql postgres 'SHOW server_version')," \
  "$(date -u +%Y-%m-%d)"
echo "orders: $rows rows ($table_size with indexes), $clients clients (40% INSERT, 40% UPDATE by id," \
  "20% SELECT by id, one every 5 ms each); online lock_timeout 100ms"
echo
echo "| plan | long transaction | migration total | longest write blocked | p99 write during | p99 write before | writes during | retry notes |"
echo "|---|---|--:|--:|--:|--:|--:|--:|"
for hold_s in 0 "$hold"; do
  for plan in default online; do
    k="$plan,$hold_s"
    txn="none"
    [ "$hold_s" != 0 ] && txn="${hold_s} s"
    printf '| %s | %s | %s ms | %s ms | %s ms | %s ms | %s | %s |\n' "$plan" "$txn" \
      "$(value "$k" migration_ms)" "$(value "$k" longest_write_ms)" "$(value "$k" p99_write_ms)" \
      "$(value "$k" p99_write_before_ms)" "$(value "$k" writes_during)" "$(value "$k" retries)"
  done
done
log "done"
