#!/usr/bin/env bash
# Proves scripts/check-stage-deps.py catches an include against the stage map: a copy of
# lib/ passes as copied; an upward include (schema -> diff), a sideways one (diff ->
# codegen) and a stage the map does not list each fail naming the file; a unit test
# (*_test.cpp) may reach further.
set -euo pipefail

source_dir=${1:?usage: stage_deps_test.sh SOURCE_DIR}
check=$source_dir/scripts/check-stage-deps.py
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

fresh() {
    rm -rf "$work/tree"
    mkdir -p "$work/tree"
    cp -r "$source_dir/lib" "$work/tree/"
}

fresh
python3 "$check" "$work/tree" >"$work/out" 2>&1 || { echo "FAIL: the copy of lib/ should pass:"; cat "$work/out"; exit 1; }

# expect_violation WHAT FILE TEXT EXPECTED: the check fails and its output holds EXPECTED.
expect_violation() {
    local what=$1 file=$2 text=$3 expected=$4
    fresh
    mkdir -p "$(dirname "$work/tree/$file")"
    printf '%s\n' "$text" >>"$work/tree/$file"
    if python3 "$check" "$work/tree" >"$work/out" 2>&1; then
        echo "FAIL: $what: the check passed"; exit 1
    fi
    grep -qF -- "$expected" "$work/out" || { echo "FAIL: $what: no '$expected' in:"; cat "$work/out"; exit 1; }
    echo "ok: $what"
}

expect_violation "upward include" lib/schema/schema.hpp '#include "diff/differ.hpp"' \
    "lib/schema/schema.hpp:"
expect_violation "sideways include" lib/diff/differ.cpp '#include "codegen/planner.hpp"' \
    "lib/diff includes lib/codegen"
expect_violation "unlisted stage" lib/newstage/thing.cpp '// a stage nobody mapped' \
    "lib/newstage: a stage the map does not list"

fresh
printf '%s\n' '#include "pipeline/plan_change.hpp"' >>"$work/tree/lib/diff/differ_test.cpp"
python3 "$check" "$work/tree" >"$work/out" 2>&1 || { echo "FAIL: a unit test may include further:"; cat "$work/out"; exit 1; }
echo "ok: unit tests may include further"
