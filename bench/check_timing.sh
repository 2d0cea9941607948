#!/usr/bin/env bash
# Times `autogen check` on examples/blog warm (scan cache primed, nothing changed: the
# pre-commit case, target < 100 ms) and cold (no cache: a fresh clone or CI, target < 2 s),
# in its three depths: with the live database, --no-database (scratch replay only) and
# --offline (autogen.sum only). Prints a table (median and min of N runs, wall clock,
# whole process). Not a test: figures go to docs/performance.md, "check".
# usage: bench/check_timing.sh path/to/autogen [runs=7]
set -euo pipefail
autogen=$(realpath "${1:?usage: check_timing.sh path/to/autogen [runs]}")
runs=${2:-7}
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d /tmp/autogen-check-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT
cp -r "$root/examples/blog/autogen.toml" "$root/examples/blog/src" "$work/"
cd "$work"
unset DATABASE_URL AUTOGEN_NO_CACHE AUTOGEN_CACHE_DIR

source "$root/bench/timing.sh"

"$autogen" revision -m init > /dev/null
"$autogen" upgrade head > /dev/null
"$autogen" check > /dev/null  # clean, or the benchmark is meaningless (time_ms aborts on exit 1)

echo "autogen check on examples/blog (5 tables, 1 revision), $runs runs each, ms"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(uname -sr), $(date -u +%Y-%m-%d)"
echo
table_header "check"
for depth in "" "--no-database" "--offline"; do
  name="check${depth:+ $depth}"
  "$autogen" check $depth > /dev/null
  measure "$name, warm (nothing changed)" ":" "$autogen" check $depth
  measure "$name, cold (no .autogen cache)" "rm -rf '$work/.autogen'" "$autogen" check $depth
done
