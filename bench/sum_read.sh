#!/usr/bin/env bash
# Times the warm commands that read the migrations folder and autogen.sum of a large
# project, for one or more autogen binaries side by side (e.g. before and after a change):
# `check --offline` (revision files, the sum's checksums and snapshot, the scan cache and
# a diff of the models against the snapshot) and `heads` (the revision files alone).
# Not a test: figures go to docs/performance.md with the machine, date and load.
#   RUNS=5 bench/sum_read.sh PROJECT_DIR AUTOGEN [AUTOGEN...]
# PROJECT_DIR is an autogen project (e.g. one bench/large_schema.sh built); it is copied
# first, so its files are never changed. A `check` that reports drift (exit 1) counts.
set -euo pipefail
project=$(realpath "${1:?usage: sum_read.sh PROJECT_DIR AUTOGEN [AUTOGEN...]}")
shift
[ $# -ge 1 ] || { echo "usage: sum_read.sh PROJECT_DIR AUTOGEN [AUTOGEN...]" >&2; exit 2; }
runs=${RUNS:-5}
binaries=()
for autogen in "$@"; do binaries+=("$(realpath "$autogen")"); done
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d /tmp/autogen-sum-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT
cp -a "$project/." "$work/"
cd "$work"
unset DATABASE_URL AUTOGEN_NO_CACHE AUTOGEN_CACHE_DIR

source "$root/bench/timing.sh"

# check exits 1 when it finds drift: only >1 is a failure here.
check_offline() { "$1" check --offline > /dev/null 2>&1 || [ $? -eq 1 ]; }

echo "warm commands on $(basename "$project") ($(ls migrations/*.sql | wc -l) revision file(s)," \
  "autogen.sum $(du -k migrations/autogen.sum | cut -f1) KiB), $runs runs each, ms"
echo "machine: $(nproc) cores, $(uname -sr), $(date -u +%Y-%m-%dT%H:%MZ), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo
table_header "command"
for autogen in "${binaries[@]}"; do
  check_offline "$autogen"  # warms the scan cache
  measure "$autogen check --offline" ":" check_offline "$autogen"
  measure "$autogen heads" ":" "$autogen" heads
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
