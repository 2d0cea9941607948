#!/usr/bin/env bash
# include/autogen/model.hpp compiles warning-free with g++ and clang++ at
# -Wall -Wextra -Wpedantic -Werror in C++17 and C++20: every macro in every position
# (good/every_annotation/models.hpp) and the mixins case, compiled as a source file.
# usage: model_header_warnings.sh INCLUDE_DIR CORPUS_GOOD_DIR
set -euo pipefail
include=$(realpath "$1")
good=$(realpath "$2")
headers=("$good/every_annotation/models.hpp" "$good/mixins/models/base.hpp" "$good/mixins/models/tables.hpp")
status=0
ran=0
# each header through a source that includes it (a header compiled as the main file
# draws "#pragma once in main file")
tu=$(mktemp --suffix .cpp)
trap 'rm -f "$tu"' EXIT
for cxx in g++ clang++; do
  if ! command -v "$cxx" > /dev/null; then
    echo "FAIL: $cxx is not installed (both compilers are required)"
    status=1
    continue
  fi
  for std in c++17 c++20; do
    for h in "${headers[@]}"; do
      ran=$((ran + 1))
      echo "#include \"$h\"" > "$tu"
      if ! out=$("$cxx" -std=$std -Wall -Wextra -Wpedantic -Werror -fsyntax-only \
                 -I "$include" -I "$(dirname "$h")" "$tu" 2>&1) || [ -n "$out" ]; then
        echo "FAIL: $cxx -std=$std $h"
        echo "$out"
        status=1
      fi
    done
  done
done
# the macros expand to annotations under clang and to nothing under g++ (not a vacuous pass)
echo "#include \"${headers[0]}\"" > "$tu"
clang_out=$(clang++ -std=c++17 -E -P -I "$include" "$tu" 2>&1 | grep -c 'annotate(' || true)
gcc_out=$(g++ -std=c++17 -E -P -I "$include" "$tu" 2>&1 | grep -c 'annotate(' || true)
if [ "$clang_out" -lt 10 ] || [ "$gcc_out" -ne 0 ]; then
  echo "FAIL: expected annotations under clang++ ($clang_out lines) and none under g++ ($gcc_out lines)"
  status=1
fi
echo "$ran compilations checked"
exit $status
