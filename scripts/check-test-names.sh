#!/usr/bin/env bash
# check-test-names.sh ROOT: every doctest case is a ctest that runs it. ctest splits a
# test name at ';' (doctest_discover_tests), so a TEST_CASE name holding one registers a
# ctest whose filter matches no case: it "passes" without running anything.
set -euo pipefail
root=$1
if found=$(grep -rn --include='*.cpp' -E 'TEST_CASE\("[^"]*;' "$root/lib" "$root/tests"); then
  echo "check-test-names: these test names hold ';', which ctest cuts (the case never runs):" >&2
  echo "$found" >&2
  echo "fix: write ',' instead" >&2
  exit 1
fi
echo "check-test-names: no test name holds ';'"
