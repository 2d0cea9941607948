#!/usr/bin/env bash
# `autogen inspect db` and `inspect db --json` on an existing SQLite project (e.g. one
# built by bench/large_schema.sh), for one autogen build or two side by side (before and
# after a change), checking that both print byte-identical answers; and, when BUILD_DIR
# holds it, the inspector alone (bench/sqlite_introspect_bench). Not a test: figures in
# docs/performance.md ("Large schemas", SQLite) with the machine, the date and the load.
#   bench/sqlite_inspect.sh PROJECT_DIR AUTOGEN [AUTOGEN_BEFORE] [RUNS=5]
# PROJECT_DIR holds autogen.toml with a sqlite [database] url; nothing in it is written
# (every command here is read-only).
set -euo pipefail
project=$(cd "${1:?usage: sqlite_inspect.sh PROJECT_DIR AUTOGEN [AUTOGEN_BEFORE] [RUNS]}" && pwd)
after=$(realpath "${2:?usage: sqlite_inspect.sh PROJECT_DIR AUTOGEN [AUTOGEN_BEFORE] [RUNS]}")
before=${3:+$(realpath "$3")}
runs=${4:-5}
root=$(cd "$(dirname "$0")/.." && pwd)
source "$root/bench/timing.sh"
cd "$project"
unset DATABASE_URL

echo "load: $(cut -d' ' -f1-3 /proc/loadavg) (before)"
if [ -n "$before" ]; then
  for args in "" "--json"; do
    # shellcheck disable=SC2086  # $args is empty or one word
    cmp <("$before" inspect db $args) <("$after" inspect db $args) ||
      { echo "the two builds answer differently: inspect db $args" >&2; exit 1; }
  done
fi
# cpu_ms COMMAND...: median of $runs runs of user + system CPU time in ms: on a shared
# machine less disturbed by the other processes than the wall clock.
cpu_ms() {
  local samples=() TIMEFORMAT='%3U %3S' t
  for _ in $(seq "$runs"); do
    t=$( { time "$@" > /dev/null 2>&1; } 2>&1 )
    samples+=("$(echo "$t" | awk '{ printf "%d", ($1 + $2) * 1000 }')")
  done
  printf '%s\n' "${samples[@]}" | sort -n | sed -n "$(( (runs + 1) / 2 ))p"
}
table_header "command (wall ms, whole process, $runs runs)"
for args in "" "--json"; do
  # shellcheck disable=SC2086  # $args is empty or one word
  [ -z "$before" ] || measure "before: inspect db $args" : "$before" inspect db $args
  # shellcheck disable=SC2086
  measure "inspect db $args" : "$after" inspect db $args
done
for args in "" "--json"; do
  # shellcheck disable=SC2086
  [ -z "$before" ] || echo "CPU (user + system), median: before: inspect db $args $(cpu_ms "$before" inspect db $args) ms"
  # shellcheck disable=SC2086
  echo "CPU (user + system), median: inspect db $args $(cpu_ms "$after" inspect db $args) ms"
done
bench=$(dirname "$after")/bench/sqlite_introspect_bench
url=$(sed -n 's/^url *= *"sqlite:\/\/\/\(.*\)"/\1/p' autogen.toml | head -n 1)
if [ -x "$bench" ] && [ -n "$url" ]; then
  echo "inspector alone ($bench, $runs warm runs): $("$bench" "$url" "$runs")"
fi
echo "load: $(cut -d' ' -f1-3 /proc/loadavg) (after)"
