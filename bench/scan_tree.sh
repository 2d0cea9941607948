#!/usr/bin/env bash
# The scanner benchmark of the model-scanner issue: a generated model tree of 50
# headers and 500 tables (10 per header, 9 columns each, a foreign key to the previous
# header's first table), timed with `autogen inspect models` beside the floor,
# `clang++ -fsyntax-only` of one file that includes the same 50 headers:
#   - cold, no cache at all (AUTOGEN_NO_CACHE=1)          target: within 1.5x of the floor
#   - cold, empty cache folder (builds the std-header PCH)  for information
#   - one model header changed: a whole parse over the reused PCH (for information), and
#     the incremental scan that re-parses only that header (target: under 1/4 of the floor)
#   - nothing changed (scan-result cache)                   target: under 50 ms
# Prints a table (median and min of N runs, wall clock, whole process; and the median
# CPU time, user + sys). Not a test:
# the figures go to docs/performance.md, "Scanner".
# usage: bench/scan_tree.sh path/to/autogen [runs=5]
# SCAN_TREE_KEEP=DIR: generate the tree in DIR and keep it (for profiling), else a temp folder.
set -euo pipefail
autogen=$(realpath "${1:?usage: scan_tree.sh path/to/autogen [runs]}")
runs=${2:-5}
root=$(cd "$(dirname "$0")/.." && pwd)
if [ -n "${SCAN_TREE_KEEP:-}" ]; then
  rm -rf "$SCAN_TREE_KEEP" && mkdir -p "$SCAN_TREE_KEEP" && work=$(realpath "$SCAN_TREE_KEEP")
else
  work=$(mktemp -d /tmp/autogen-scan-tree.XXXXXX)
  trap 'rm -rf "$work"' EXIT
fi
unset DATABASE_URL AUTOGEN_NO_CACHE AUTOGEN_CACHE_DIR
# The machine is shared: besides wall clock (as bench/timing.sh measures it), the CPU time of the process
# and its children (user + sys), which waiting for a busy core does not inflate.
# measure_cpu NAME SETUP COMMAND...: "| NAME | wall median | wall min | cpu median |"
measure_cpu() {
  local name=$1 setup=$2; shift 2
  local walls=() cpus=() out
  for _ in $(seq "$runs"); do
    eval "$setup"
    /usr/bin/time -o "$work/time.out" -f "%e %U %S" "$@" > /dev/null 2>&1 || { echo "benchmark command failed: $*" >&2; exit 1; }
    out=$(tail -n 1 "$work/time.out")
    walls+=("$(echo "$out" | awk '{printf "%d", $1 * 1000}')")
    cpus+=("$(echo "$out" | awk '{printf "%d", ($2 + $3) * 1000}')")
  done
  local mid=$(( (runs + 1) / 2 ))
  printf '| %-52s | %8s | %8s | %8s |\n' "$name" \
    "$(printf '%s\n' "${walls[@]}" | sort -n | sed -n "${mid}p")" \
    "$(printf '%s\n' "${walls[@]}" | sort -n | head -n 1)" \
    "$(printf '%s\n' "${cpus[@]}" | sort -n | sed -n "${mid}p")"
}

headers=50
tables_per_header=10
mkdir -p "$work/src/models"
cat > "$work/autogen.toml" <<TOML
[database]
url = "sqlite:///db.sqlite3"

[models]
headers = ["src/models/*.hpp"]
TOML
for h in $(seq -w 1 $headers); do
  f="$work/src/models/m$h.hpp"
  {
    echo "#pragma once"
    echo "#include <autogen/model.hpp>"
    echo "#include <chrono>"
    echo "#include <cstdint>"
    echo "#include <optional>"
    echo "#include <string>"
    echo "#include <vector>"
    echo "namespace m$h {"
    for t in $(seq 1 $tables_per_header); do
      echo "/// Table $t of header $h."
      echo "struct AUTOGEN_TABLE(\"t${h}_$t\") AUTOGEN_INDEX(\"ix_t${h}_${t}_name\", \"name, created_at\") T$t {"
      echo "    AUTOGEN_COLUMN(primary_key, identity) std::int64_t id;"
      echo "    AUTOGEN_COLUMN(length = 120) std::string name;"
      echo "    std::optional<std::string> note;"
      echo "    AUTOGEN_COLUMN(server_default = \"CURRENT_TIMESTAMP\") std::chrono::system_clock::time_point created_at;"
      echo "    std::int32_t quantity;"
      echo "    double price;"
      echo "    std::vector<std::uint8_t> payload;"
      echo "    bool active;"
      if [ "$h" != "01" ]; then
        prev=$(printf "%02d" $((10#$h - 1)))
        echo "    AUTOGEN_COLUMN(references = \"t${prev}_1.id\", on_delete = cascade) std::optional<std::int64_t> parent_id;"
      else
        echo "    std::optional<std::int64_t> parent_id;"
      fi
      echo "};"
    done
    echo "}  // namespace m$h"
  } > "$f"
done
umbrella="$work/umbrella.cpp"
for f in "$work"/src/models/*.hpp; do echo "#include \"$f\""; done > "$umbrella"
header="$work/src/models/m25.hpp"
cache="$work/.autogen/cache"
cd "$work"
"$autogen" inspect models > /dev/null  # the tree is valid (a failure aborts here)
tables=$("$autogen" -v inspect models 2>&1 >/dev/null | grep -c '^model table' || true)

edits=0
# a real content change of one model header (a new comment line each time)
touch_header() { edits=$((edits + 1)); echo "// bench edit $edits" >> "$header"; }

echo "autogen inspect models on a generated tree: $headers headers, $((headers * tables_per_header)) tables ($tables found), $runs runs each, ms"
echo "machine: $(nproc) cores, $(uname -sr), load $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%Y-%m-%d)"
echo
printf '| %-52s | %8s | %8s | %8s |\n' "scan" "median" "min" "cpu"
printf '|%s|%s|%s|%s|\n' "------------------------------------------------------" "----------" "----------" "----------"
cxx=clang++-14
command -v $cxx > /dev/null || cxx=clang++
measure_cpu "floor: $cxx -std=c++20 -fsyntax-only, 50 headers" ":" \
  $cxx -std=c++20 -fsyntax-only -I "$root/include" "$umbrella"
measure_cpu "cold, no cache at all (AUTOGEN_NO_CACHE=1)" ":" env AUTOGEN_NO_CACHE=1 "$autogen" inspect models
measure_cpu "cold, empty cache folder (builds the PCH)" "rm -rf '$cache'" "$autogen" inspect models
"$autogen" inspect models > /dev/null
measure_cpu "one header changed, whole parse (no per-header cache)" "touch_header; rm -f '$cache'/units-*.units" \
  "$autogen" inspect models
"$autogen" inspect models > /dev/null
measure_cpu "one header changed, incremental (PCH and units reused)" "touch_header" "$autogen" inspect models
"$autogen" inspect models > /dev/null
measure_cpu "nothing changed (scan-result cache)" ":" "$autogen" inspect models
