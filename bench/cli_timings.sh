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

# ms of one run of "$@" (output discarded; a failing command aborts the benchmark)
time_ms() {
  local start end
  start=$(date +%s%N)
  "$@" > /dev/null 2>&1 || { echo "benchmark command failed: $*" >&2; exit 1; }
  end=$(date +%s%N)
  echo $(( (end - start) / 1000000 ))
}

# name, then the command: prints "| name | median | min |"
measure() {
  local name=$1; shift
  local samples=()
  for _ in $(seq "$runs"); do samples+=("$(time_ms "$@")"); done
  local sorted
  sorted=$(printf '%s\n' "${samples[@]}" | sort -n)
  local median min
  median=$(echo "$sorted" | sed -n "$(( (runs + 1) / 2 ))p")
  min=$(echo "$sorted" | head -n 1)
  printf '| %-44s | %8s | %8s |\n' "$name" "$median" "$min"
}

"$autogen" revision -m init > /dev/null
"$autogen" upgrade head > /dev/null

echo "autogen CLI on examples/blog (5 tables), $runs runs each, ms"
echo "machine: $(nproc) cores, $(uname -sr), $(date -u +%Y-%m-%d)"
echo
printf '| %-44s | %8s | %8s |\n' "command" "median" "min"
printf '|%s|%s|%s|\n' "----------------------------------------------" "----------" "----------"
measure "autogen --version (process start)" "$autogen" --version
measure "autogen heads (read the chain)" "$autogen" heads
measure "autogen inspect db" "$autogen" inspect db
measure "autogen inspect models (scan)" "$autogen" inspect models
measure "autogen check (scan + replay + live)" "$autogen" check
measure "autogen diff (nothing to do)" "$autogen" diff
measure "autogen downgrade base + upgrade head" bash -c "'$autogen' downgrade base && '$autogen' upgrade head"
