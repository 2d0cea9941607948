#!/usr/bin/env bash
# Times autogen's commands on examples/blog and prints a table (median and min of N
# runs, wall clock, whole process). Not a test: figures go to docs/performance.md with
# the machine and the date.
# usage: bench/cli_timings.sh path/to/autogen [runs=7]
set -euo pipefail
autogen=$(realpath "${1:?usage: cli_timings.sh path/to/autogen [runs]}")
runs=${2:-7}
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d /tmp/autogen-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT
cp -r "$root/examples/blog/autogen.toml" "$root/examples/blog/src" "$work/"
cd "$work"
unset DATABASE_URL

source "$root/bench/timing.sh"

"$autogen" revision -m init > /dev/null
"$autogen" upgrade head > /dev/null

echo "autogen CLI on examples/blog (5 tables), $runs runs each, ms"
echo "machine: $(nproc) cores, $(uname -sr), $(date -u +%Y-%m-%d)"
echo
table_header "command"
measure "autogen --version (process start)" ":" "$autogen" --version
measure "autogen heads (read the chain)" ":" "$autogen" heads
measure "autogen inspect db" ":" "$autogen" inspect db
measure "autogen inspect models (scan)" ":" "$autogen" inspect models
measure "autogen check (scan + replay + live)" ":" "$autogen" check
measure "autogen diff (nothing to do)" ":" "$autogen" diff
measure "autogen downgrade base + upgrade head" ":" bash -c "'$autogen' downgrade base && '$autogen' upgrade head"
