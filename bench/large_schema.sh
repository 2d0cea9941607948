#!/usr/bin/env bash
# Issue 15's benchmark: autogen's commands beside Alembic's compare on large schemas,
# PostgreSQL and SQLite, in one run.
#   bench/large_schema.sh BUILD_DIR [SIZES=1000] [RUNS=3]
# BUILD_DIR holds autogen (the `autogen` target). SIZES: table counts, comma or space
# separated ("1000,10000"). DIALECTS="postgresql sqlite" (the default) picks the dialects;
# ALEMBIC_RUNS (default RUNS) how often Alembic runs (minutes a run on 10,000 tables; 0
# leaves Alembic out: its rows and ratios read n/a).
# Needs Debian's python3-alembic (/usr/bin/python3) and, for PostgreSQL, Debian's
# postgresql (a throw-away server: scripts/pg-server.sh). Peak RSS needs /usr/bin/time.
#
# For each dialect and size it builds a real autogen project of SIZE tables
# (bench/pg_bench_schema.sh's model_tree: 10 columns, 2 indexes, a foreign key to t0, a
# check each, 3 enums) with autogen itself: the models without t0.added_by_bench ->
# `autogen revision -m base` -> `autogen upgrade head` (which writes
# migrations/autogen.sum); then adds t0.added_by_bench to the models. So the models are
# one column ahead of the database and the chain, and every autogen run below must
# report exactly that change (checked on every run; anything else aborts).
# PostgreSQL: the live database is bench_SIZE on the throw-away server, and
# `[database] dev_url` is its postgres database (scratch databases for check/diff).
# SQLite: `dialects = ["sqlite"]` and a database file outside the project folder.
#
# Rows (RUNS timed runs each, whole process, wall clock; peak RSS by /usr/bin/time -f %M):
#   Alembic 1.8.1's compare_metadata on the same database (bench/alembic_compare.py;
#   the time is the compare inside the process, as issue 15 measured it), autogen
#   inspect db (text) and --json, inspect models --json, diff and check warm (caches
#   filled by an untimed run first), check --offline; cold: check and diff in a fresh
#   copy of the project without .autogen/ (a fresh clone of a repository that commits
#   autogen.sum), a new copy for every run; truly cold: AUTOGEN_NO_CACHE=1 diff in a
#   copy without .autogen/ and without migrations/autogen.sum.
# Prints the machine line, then one markdown table per dialect and size with the
# ratio to Alembic and issue 15's targets (met / NOT met), and for sizes above the
# smallest how time grew (ratio of times / ratio of sizes: <= 1 is linear or better).
# Progress goes to stderr. Not a test: figures go to docs/performance.md.
set -euo pipefail
shopt -s inherit_errexit
exec </dev/null  # nothing may prompt
root=$(cd "$(dirname "$0")/.." && pwd)
usage="usage: bench/large_schema.sh BUILD_DIR [SIZES=1000] [RUNS=3]"
build=$(cd "${1:?$usage}" && pwd)
read -r -a sizes <<<"$(tr ',' ' ' <<<"${2:-1000}" | tr -s ' ' '\n' | sort -n -u | tr '\n' ' ')"
runs=${3:-3}
alembic_runs=${ALEMBIC_RUNS:-$runs}
read -r -a dialects <<<"${DIALECTS:-postgresql sqlite}"
unset DATABASE_URL AUTOGEN_NO_CACHE AUTOGEN_CACHE_DIR
autogen=$build/autogen
python=/usr/bin/python3

die() {
  echo "large_schema.sh: $*" >&2
  exit 1
}
[ -x "$autogen" ] || die "no autogen in $build: build the autogen target (cmake --build $1 --target autogen)"
[ "${#sizes[@]}" -gt 0 ] || die "no sizes given; $usage"
for n in "${sizes[@]}"; do [[ $n =~ ^[1-9][0-9]*$ ]] || die "size '$n' is not a positive number; $usage"; done
[[ $runs =~ ^[1-9][0-9]*$ ]] || die "RUNS '$runs' is not a positive number; $usage"
[[ $alembic_runs =~ ^[0-9]+$ ]] || die "ALEMBIC_RUNS '$alembic_runs' is not a number"
for d in "${dialects[@]}"; do
  case $d in postgresql | sqlite) ;; *) die "unknown dialect '$d' in DIALECTS (postgresql, sqlite)" ;; esac
done
"$python" -c 'import alembic' 2>/dev/null || die "no Alembic for $python: install Debian's python3-alembic"
if command -v /usr/bin/time >/dev/null; then has_time=1; else has_time=0; fi
# shellcheck source=bench/pg_bench_schema.sh
source "$root/bench/pg_bench_schema.sh"

work=$(mktemp -d /tmp/autogen-large-schema-XXXXXX)
chmod 755 "$work"  # the server runs as the postgres user when we are root
server=$work/server
pg_started=0
cleanup() {
  if [ "$pg_started" = 1 ]; then "$root/scripts/pg-server.sh" stop "$server" >/dev/null 2>&1 || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
began=$(date +%s)
log() { echo "[$(($(date +%s) - began)) s] $*" >&2; }

pg_version=none
if [[ " ${dialects[*]} " == *" postgresql "* ]]; then
  command -v psql >/dev/null || die "no psql: install Debian's postgresql-client"
  pg_started=1
  # One revision creating N tables runs in one transaction, which holds ~13 lock
  # slots per table (table, TOAST, sequence, indexes, t0 ...); the default lock table
  # (max_locks_per_transaction 64 x ~220 backends) held 2,000 tables (26,000 slots, in
  # its slack), not tried beyond. Sized for the largest size, with room to spare.
  largest=${sizes[${#sizes[@]} - 1]}
  locks=$((largest * 16 / 200 > 64 ? largest * 16 / 200 : 64))
  url=$(PG_SERVER_OPTIONS="-c max_locks_per_transaction=$locks" "$root/scripts/pg-server.sh" start "$server")
  pg_version="$(psql -Atq "$url" -c 'SHOW server_version') (max_locks_per_transaction $(psql -Atq "$url" -c 'SHOW max_locks_per_transaction'))"
fi
echo "machine: $(nproc) cores, $(uname -sr), PostgreSQL $pg_version, SQLite $("$python" -c 'import sqlite3; print(sqlite3.sqlite_version)')," \
     "load $(cut -d' ' -f1-3 /proc/loadavg), $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "autogen: $autogen; Alembic $("$python" -c 'import alembic; print(alembic.__version__)'); sizes ${sizes[*]}; $runs runs (Alembic $alembic_runs)"
[ "$has_time" = 1 ] || echo "note: no /usr/bin/time on this machine: the peak RSS column is left out (n/a)"

out=$work/out
err=$work/err
rssfile=$work/rss

# fail WHAT: the command's output and why the benchmark stops.
fail() {
  echo "--- stdout (head):" >&2
  head -n 20 "$out" >&2 || true
  echo "--- stderr (head):" >&2
  head -n 20 "$err" >&2 || true
  die "$*"
}

# run_once EXPECT_RC DIR CMD...: runs CMD in DIR (stdout to $out, stderr to $err, peak
# RSS to $rssfile), sets $ms to its wall clock; another exit code than EXPECT_RC aborts.
run_once() {
  local expect=$1 dir=$2 rc=0 start end
  shift 2
  local timer=()
  [ "$has_time" = 1 ] && timer=(/usr/bin/time -f %M -o "$rssfile")
  start=$(date +%s%N)
  (cd "$dir" && "${timer[@]}" "$@" >"$out" 2>"$err") || rc=$?
  end=$(date +%s%N)
  ms=$(((end - start) / 1000000))
  [ "$rc" = "$expect" ] || fail "'$*' in $dir exited with $rc, expected $expect"
}

# peak_kb: the peak RSS of the last run_once (GNU time puts "Command exited with
# non-zero status N" before the figure when the command fails).
peak_kb() { if [ "$has_time" = 1 ]; then tail -n 1 "$rssfile"; else echo 0; fi; }

declare -A med mn rss
# record KEY: the median (of an even count: the mean of the middle two) and minimum of
# $samples, and the maximum of $peaks, under KEY.
record() {
  local sorted
  sorted=$(printf '%s\n' "${samples[@]}" | sort -n)
  med[$1]=$(awk '{ v[NR] = $1 } END { printf "%d", NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }' <<<"$sorted")
  mn[$1]=$(head -n 1 <<<"$sorted")
  rss[$1]=$(printf '%s\n' "${peaks[@]}" | sort -n | tail -n 1)
}

# The checks of each command's answer (on $out and $err; $n is the size).
verify_inspect_text() {
  head -n 1 "$out" | grep -q ": $n table(s)\$" || fail "inspect db should report $n tables"
}
# verify_json WANT_ADDED: the document's schema has $n tables, and t0 has
# added_by_bench (1) or not (0).
verify_json() {
  local got
  got=$("$python" -c 'import json, sys
tables = json.load(open(sys.argv[1]))["result"]["schema"]["tables"]
added = any(c["name"] == "added_by_bench" for t in tables if t["name"] == "t0" for c in t["columns"])
print(len(tables), int(added))' "$out") || fail "the JSON document does not parse"
  [ "$got" = "$n $1" ] || fail "expected $n tables and added_by_bench=$1, got (tables added) $got"
}
verify_inspect_db_json() { verify_json 0; }
verify_inspect_models_json() { verify_json 1; }
verify_diff() {
  local found
  found=$(cat "$out" "$err" | grep -c '^detected' || true)
  [ "$found" = 1 ] && cat "$out" "$err" | grep -q '^detected added column "t0"."added_by_bench"$' ||
    fail "diff should detect exactly the added column t0.added_by_bench (found $found changes)"
  grep -q '^ALTER TABLE "t0" ADD COLUMN "added_by_bench"' "$out" || fail "diff's preview lacks the ADD COLUMN"
}
verify_check() {
  local found
  found=$(cat "$out" "$err" | grep -c 'added column "t0"."added_by_bench"' || true)
  [ "$found" = 1 ] && grep -q '^1 finding(s)' "$err" ||
    fail "check should find exactly the added column t0.added_by_bench"
}

# fresh_copy: $copy becomes a copy of $project without .autogen/ (a fresh clone).
fresh_copy() {
  rm -rf "$copy"
  mkdir -p "$copy"
  find "$project" -mindepth 1 -maxdepth 1 ! -name .autogen -exec cp -a {} "$copy/" \;
}
no_sum_copy() {
  fresh_copy
  rm -f "$copy/migrations/autogen.sum"
}

# measure KEY EXPECT_RC VERIFY SETUP CMD...: $runs timed runs of CMD, each after SETUP
# (untimed; fresh_copy runs CMD in $copy, ":" in $project), each answer verified.
measure() {
  local key=$1 expect=$2 verify=$3 setup=$4 dir=$project
  shift 4
  [ "$setup" = ":" ] || dir=$copy
  log "$key: $runs runs"
  samples=()
  peaks=()
  for ((run = 0; run < runs; run++)); do
    "$setup"
    run_once "$expect" "$dir" "$@"
    "$verify"
    samples+=("$ms")
    peaks+=("$(peak_kb)")
    log "$key: run $((run + 1))/$runs: $ms ms"
  done
  record "$key"
}

# warm_up EXPECT_RC VERIFY CMD...: one untimed run in $project that fills the caches.
warm_up() {
  local expect=$1 verify=$2
  shift 2
  run_once "$expect" "$project" "$@"
  "$verify"
}

# measure_alembic KEY URL: $runs runs of bench/alembic_compare.py; the time is the one
# it reports (the compare alone), the peak RSS the whole Python process's.
measure_alembic() {
  local key=$1 db_url=$2 line
  log "$key: $alembic_runs runs"
  samples=()
  peaks=()
  if [ "$alembic_runs" = 0 ]; then
    samples=(0)
    peaks=(0)
  fi
  for ((run = 0; run < alembic_runs; run++)); do
    run_once 0 "$work" "$python" "$root/bench/alembic_compare.py" "$db_url"
    line=$(tail -n 1 "$out")
    [[ $line =~ ^diffs=1\ seconds=([0-9.]+)$ ]] || fail "Alembic should find exactly one difference: $line"
    samples+=("$(awk -v s="${BASH_REMATCH[1]}" 'BEGIN { printf "%d", s * 1000 + 0.5 }')")
    peaks+=("$(peak_kb)")
    log "$key: run $((run + 1))/$alembic_runs: compare ${BASH_REMATCH[1]} s, whole process $ms ms"
  done
  record "$key"
}

# build_project DIALECT N: $project, $live_url: the autogen project of N tables built
# by autogen revision + upgrade head, then one column ahead.
build_project() {
  local d=$1 dir=$work/$1-$2 extra tables
  mkdir -p "$dir"
  project=$dir/project
  copy=$dir/copy
  if [ "$d" = postgresql ]; then
    psql -q "$url" -c "CREATE DATABASE bench_$n" >/dev/null
    live_url=${url%/postgres}/bench_$n
    extra="dev_url = \"$url\""
  else
    live_url=sqlite:///$dir/live.sqlite3
    extra='dialects = ["sqlite"]'
  fi
  model_tree "$project" "$n" "$live_url"
  cat >"$project/autogen.toml" <<TOML
[database]
url = "$live_url"
$extra

[models]
headers = ["models/*.hpp"]

[migrations]
dir = "migrations"
TOML
  cp "$project/models/m0.hpp" "$dir/m0.hpp"
  sed -i '/added_by_bench/d' "$project/models/m0.hpp"
  log "$d, $n tables: autogen revision -m base (models without t0.added_by_bench)"
  run_once 0 "$project" "$autogen" revision -m base
  build_revision_ms=$ms
  tables=$(cat "$out" "$err" | grep -c "^detected added table" || true)
  [ "$tables" = "$n" ] || fail "autogen revision should add $n tables, added $tables"
  log "$d, $n tables: autogen upgrade head"
  run_once 0 "$project" "$autogen" upgrade head
  build_upgrade_ms=$ms
  [ -f "$project/migrations/autogen.sum" ] || fail "autogen upgrade head wrote no migrations/autogen.sum"
  cp "$dir/m0.hpp" "$project/models/m0.hpp"
  log "$d, $n tables: built in $(((build_revision_ms + build_upgrade_ms) / 1000)) s"
}

# The rows of a table, in order: "key|label".
rows=(
  "alembic|Alembic compare_metadata"
  "inspect_db|\`autogen inspect db\` (text)"
  "inspect_db_json|\`autogen inspect db --json\`"
  "inspect_models_json|\`autogen inspect models --json\`, warm"
  "diff_warm|\`autogen diff\`, warm"
  "check_warm|\`autogen check\`, warm"
  "check_offline|\`autogen check --offline\`, warm"
  "check_cold|\`autogen check\`, cold (fresh clone, no .autogen/)"
  "diff_cold|\`autogen diff\`, cold (fresh clone, no .autogen/)"
  "diff_truly_cold|\`AUTOGEN_NO_CACHE=1 autogen diff\`, truly cold (no autogen.sum)"
)

# verdict AWK_CONDITION A B: "met" or "**NOT met**" for the condition on a and b.
verdict() {
  if [ "$2" = n/a ]; then echo "n/a (Alembic not run)"; return; fi
  awk -v a="$2" -v b="$3" "BEGIN { print (($1) ? \"met\" : \"**NOT met**\") }"
}

# targets D N KEY: issue 15's targets for this row, with the verdicts.
targets() {
  local d=$1 n=$2 key=$3 t=() a=${med[$1:$2:alembic]} m=${med[$1:$2:$3]}
  [ "$m" -gt 0 ] || m=1
  local ratio
  ratio=$(awk -v a="$a" -v m="$m" 'BEGIN { printf "%.2f", a / m }')
  [ "$a" -gt 0 ] || ratio=n/a
  if [ "$key" = inspect_db_json ]; then
    local text=${med[$d:$n:inspect_db]} x
    x=$(awk -v j="$m" -v t="$text" 'BEGIN { printf "%.2f", j / (t > 0 ? t : 1) }')
    t+=("within 1.5x of text (${x}x): $(verdict 'a <= b' "$x" 1.5)")
  fi
  if [ "$d" = postgresql ] && [ "$n" = 1000 ]; then
    case $key in
      check_warm) t+=(">= 20x Alembic: $(verdict 'a >= b' "$ratio" 20)") ;;
      check_cold | diff_cold) t+=(">= 5x Alembic: $(verdict 'a >= b' "$ratio" 5)") ;;
      diff_truly_cold) t+=(">= 2x Alembic: $(verdict 'a >= b' "$ratio" 2)") ;;
    esac
  fi
  if [ "$d" = postgresql ] && [ "$n" = 10000 ] && [ "$key" = check_warm ]; then
    t+=("< 2 s: $(verdict 'a < b' "$m" 2000)")
  fi
  if [ "$d" = sqlite ] && [ "$n" = 1000 ] && [ "$key" != alembic ]; then
    t+=(">= 20x Alembic: $(verdict 'a >= b' "$ratio" 20)")
  fi
  local joined="" one
  for one in "${t[@]}"; do joined+="${joined:+; }$one"; done
  echo "$joined"
}

seconds() { awk -v m="$1" 'BEGIN { printf "%.3f s", m / 1000 }'; }

# print_table D N: the markdown table of dialect D at size N.
print_table() {
  local d=$1 n=$2 n0=${sizes[0]} row key label a m growth ratio mem
  a=${med[$d:$n:alembic]}
  echo
  echo "### $d, $n tables ($runs runs, Alembic $alembic_runs; load $load_before before, $(cut -d' ' -f1-3 /proc/loadavg) after)"
  echo
  local growth_head="" growth_rule=""
  if [ "$n" != "$n0" ]; then
    growth_head=" growth vs $n0 |"
    growth_rule="---|"
  fi
  echo "| what | median | min | peak RSS | vs Alembic | target |$growth_head"
  echo "|---|--:|--:|--:|--:|---|$growth_rule"
  for row in "${rows[@]}"; do
    key=${row%%|*}
    label=${row#*|}
    m=${med[$d:$n:$key]}
    ratio=""
    [ "$key" = alembic ] || ratio=$(awk -v a="$a" -v m="$m" 'BEGIN { printf "%.1fx", a / (m > 0 ? m : 1) }')
    [ "$a" -gt 0 ] || ratio=n/a
    if [ "$has_time" = 1 ]; then
      mem=$(awk -v k="${rss[$d:$n:$key]}" 'BEGIN { printf "%.0f MB", k / 1024 }')
    else
      mem=n/a
    fi
    growth=""
    if [ "$n" != "$n0" ]; then
      growth=$(awk -v m="$m" -v m0="${med[$d:$n0:$key]}" -v n="$n" -v n0="$n0" \
        'BEGIN { g = (m / (m0 > 0 ? m0 : 1)) / (n / n0); printf " %.2f (%s) |", g, g <= 1 ? "linear or better" : "**worse than linear**" }')
    fi
    if [ "$key" = alembic ] && [ "$a" -eq 0 ]; then
      echo "| $label | not run (ALEMBIC_RUNS=0) | | | | |${growth:+ |}"
      continue
    fi
    echo "| $label | $(seconds "$m") | $(seconds "${mn[$d:$n:$key]}") | $mem | $ratio | $(targets "$d" "$n" "$key") |$growth"
  done
  echo
  echo "Built with autogen: \`revision -m base\` $(seconds "$build_revision_ms"), \`upgrade head\` $(seconds "$build_upgrade_ms")." \
       "Every autogen run reported exactly the added column t0.added_by_bench (check exits 1 on it, diff 0)." \
       "Alembic's time is compare_metadata alone (it reflects the database inside), its peak RSS the whole Python process" \
       "(which reflects once more, untimed); SQLAlchemy 1.4 cannot reflect expression indexes on $d, so Alembic skips the $n" \
       "expression indexes that autogen compares."
}

for d in "${dialects[@]}"; do
  for n in "${sizes[@]}"; do
    load_before=$(cut -d' ' -f1-3 /proc/loadavg)
    build_project "$d" "$n"
    measure_alembic "$d:$n:alembic" "$live_url"
    measure "$d:$n:inspect_db" 0 verify_inspect_text : "$autogen" inspect db
    measure "$d:$n:inspect_db_json" 0 verify_inspect_db_json : "$autogen" inspect db --json
    warm_up 0 verify_inspect_models_json "$autogen" inspect models --json
    measure "$d:$n:inspect_models_json" 0 verify_inspect_models_json : "$autogen" inspect models --json
    warm_up 0 verify_diff "$autogen" diff
    measure "$d:$n:diff_warm" 0 verify_diff : "$autogen" diff
    warm_up 1 verify_check "$autogen" check
    measure "$d:$n:check_warm" 1 verify_check : "$autogen" check
    measure "$d:$n:check_offline" 1 verify_check : "$autogen" check --offline
    measure "$d:$n:check_cold" 1 verify_check fresh_copy "$autogen" check
    measure "$d:$n:diff_cold" 0 verify_diff fresh_copy "$autogen" diff
    measure "$d:$n:diff_truly_cold" 0 verify_diff no_sum_copy env AUTOGEN_NO_CACHE=1 "$autogen" diff
    print_table "$d" "$n"
    rm -rf "$work/$d-$n/copy"
    if [ "$d" = postgresql ]; then
      # Keeps the server small for the next size.
      psql -q "$url" -c "DROP DATABASE bench_$n" >/dev/null
    fi
    rm -rf "$work/$d-$n"
  done
done
echo
echo "total: $(($(date +%s) - began)) s end to end; load $(cut -d' ' -f1-3 /proc/loadavg) at the end"
