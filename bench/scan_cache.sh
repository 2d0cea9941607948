#!/usr/bin/env bash
# Times `autogen inspect models` on examples/blog with and without the scan caches
# (docs/models.md, "Scan caches") and prints a table (median and min of N runs, wall
# clock, whole process). Not a test: figures go to docs/performance.md, "Scan caches".
# usage: bench/scan_cache.sh path/to/autogen [runs=7]
set -euo pipefail
autogen=$(realpath "${1:?usage: scan_cache.sh path/to/autogen [runs]}")
runs=${2:-7}
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d /tmp/autogen-scan-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT
cp -r "$root/examples/blog/autogen.toml" "$root/examples/blog/src" "$work/"
cd "$work"
unset DATABASE_URL AUTOGEN_NO_CACHE AUTOGEN_CACHE_DIR
cache="$work/.autogen/cache"
header="$work/src/models/post.hpp"

source "$root/bench/timing.sh"

edits=0
# a real content change of one model header (a new comment line each time)
touch_header() { edits=$((edits + 1)); echo "// bench edit $edits" >> "$header"; }

echo "autogen inspect models on examples/blog (5 tables), $runs runs each, ms"
echo "machine: $(nproc) cores, $(uname -sr), $(date -u +%Y-%m-%d)"
echo
table_header "scan"
measure "no cache (AUTOGEN_NO_CACHE=1)" ":" env AUTOGEN_NO_CACHE=1 "$autogen" inspect models
measure "cold (empty cache folder)" "rm -rf '$cache'" "$autogen" inspect models
"$autogen" inspect models > /dev/null
measure "one model header's content changed" "touch_header" "$autogen" inspect models
"$autogen" inspect models > /dev/null
measure "warm (nothing changed)" ":" "$autogen" inspect models

# the floor: clang++ parsing the same headers, as docs/performance.md measures it
if command -v clang++-14 > /dev/null; then
  umbrella="$work/umbrella.cpp"
  for f in "$work"/src/models/*.hpp; do echo "#include \"$f\""; done > "$umbrella"
  measure "floor: clang++-14 -std=c++20 -fsyntax-only" ":" \
    clang++-14 -std=c++20 -fsyntax-only -I "$work/src" -I "$root/include" "$umbrella"
fi
