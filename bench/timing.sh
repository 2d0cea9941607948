# Sourced by the bench/*.sh scripts: whole-process wall-clock timing and a table row
# with the median and minimum of $runs samples. Needs $runs set by the caller.

# ms of one run of "$@" (output discarded; a failing command aborts the benchmark)
time_ms() {
  local start end
  start=$(date +%s%N)
  "$@" > /dev/null 2>&1 || { echo "benchmark command failed: $*" >&2; exit 1; }
  end=$(date +%s%N)
  echo $(( (end - start) / 1000000 ))
}

# measure NAME SETUP COMMAND...: runs SETUP (untimed, eval'd; ":" for none) then times
# COMMAND, $runs times; prints "| NAME | median | min |".
measure() {
  local name=$1 setup=$2; shift 2
  local samples=()
  for _ in $(seq "$runs"); do
    eval "$setup"
    samples+=("$(time_ms "$@")")
  done
  local sorted median min
  sorted=$(printf '%s\n' "${samples[@]}" | sort -n)
  median=$(echo "$sorted" | sed -n "$(( (runs + 1) / 2 ))p")
  min=$(echo "$sorted" | head -n 1)
  printf '| %-52s | %8s | %8s |\n' "$name" "$median" "$min"
}

# table_header TITLE: the header rows of a table of measure() rows
table_header() {
  printf '| %-52s | %8s | %8s |\n' "$1" "median" "min"
  printf '|%s|%s|%s|\n' "------------------------------------------------------" "----------" "----------"
}
