#!/usr/bin/env bash
# check-test-names.sh ROOT: every doctest case is a ctest that runs it. ctest splits a
# test name at ';' (doctest_discover_tests), so a TEST_CASE name holding one registers a
# ctest whose filter matches no case: it "passes" without running anything.
# The name is read whole, also when it is written as string literals over several lines.
set -euo pipefail
root=$1
found=$(find "$root/lib" "$root/tests" -name '*.cpp' -print0 | xargs -0 perl -0777 -ne '
  while (/TEST_CASE\(\s*((?:"(?:[^"\\]|\\.)*"\s*)+)/g) {
    my ($literals, $at) = ($1, $-[0]);
    my $name = join("", $literals =~ /"((?:[^"\\]|\\.)*)"/g);
    next unless $name =~ /;/;
    my $line = 1 + (substr($_, 0, $at) =~ tr/\n//);
    print "$ARGV:$line: $name\n";
  }')
if [ -n "$found" ]; then
  echo "check-test-names: these test names hold ';', which ctest cuts (the case never runs):" >&2
  echo "$found" >&2
  echo "fix: write ',' instead" >&2
  exit 1
fi
echo "check-test-names: no test name holds ';'"
