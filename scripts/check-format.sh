#!/usr/bin/env bash
# The format check of the test command (scripts/test.sh): every C++ source of ours is as
# .clang-format (clang-format-14, Debian's) lays it out. Fails listing the files that
# differ and the command that fixes them; `--fix` rewrites them in place.
#
# Checked: lib/, tools/, tests/ and bench/ (*.cpp, *.hpp, *.h) and include/.
# Not checked, on purpose: test inputs whose lines are part of an expectation
# (tests/scan_corpus: "expected error on this line"; tests/docs and tests/golden model
# headers) and examples/ (user projects whose file:line positions the docs quote).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
clang_format=$(command -v clang-format-14 || command -v clang-format || true)
if [ -z "$clang_format" ]; then
  echo "check-format: clang-format-14 is not installed (scripts/install-deps.sh installs it)" >&2
  exit 2
fi

cd "$root"
mapfile -t files < <(find lib tools tests bench include -type f \( -name '*.cpp' -o -name '*.hpp' -o -name '*.h' \) \
  -not -path 'tests/scan_corpus/*' -not -path 'tests/docs/*' -not -path 'tests/golden/*' | sort)

if [ "${1:-}" = "--fix" ]; then
  "$clang_format" -i --style=file "${files[@]}"
  echo "check-format: formatted ${#files[@]} files"
  exit 0
fi

bad=()
for f in "${files[@]}"; do
  if ! "$clang_format" --style=file --dry-run --Werror "$f" >/dev/null 2>&1; then
    bad+=("$f")
  fi
done
if [ ${#bad[@]} -gt 0 ]; then
  echo "check-format: ${#bad[@]} of ${#files[@]} files differ from .clang-format:" >&2
  printf '  %s\n' "${bad[@]}" >&2
  echo "fix: bash scripts/check-format.sh --fix   (or clang-format-14 -i FILE)" >&2
  exit 1
fi
echo "check-format: ${#files[@]} files match .clang-format"
