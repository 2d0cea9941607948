#!/usr/bin/env bash
# Proves scripts/check-dialect-leaks.sh catches leaks: copies generic folders into a
# temporary tree, checks it passes as copied, then plants one leak at a time (a dialect
# name compared in code, a dialect-only field in the neutral schema, a look inside
# dialect_options) and expects a failure naming file:line; a mere comment, a per-dialect
# rules file and a unit test may name a dialect.
set -euo pipefail

source_dir=${1:?usage: dialect_leaks_test.sh SOURCE_DIR}
guard=$source_dir/scripts/check-dialect-leaks.sh
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

fresh() {
    rm -rf "$work/tree"
    mkdir -p "$work/tree/lib"
    cp -r "$source_dir/lib/schema" "$source_dir/lib/diff" "$work/tree/lib/"
}

expect_pass() {
    if ! bash "$guard" "$work/tree" >"$work/out" 2>&1; then
        echo "FAIL: expected the guard to pass ($1):"; cat "$work/out"; exit 1
    fi
}

# expect_leak WHAT FILE LINE-TEXT: the guard fails and names FILE:line of LINE-TEXT.
expect_leak() {
    local what=$1 file=$2 text=$3
    fresh
    printf '%s\n' "$text" >>"$work/tree/$file"
    local line
    line=$(wc -l <"$work/tree/$file")
    if bash "$guard" "$work/tree" >"$work/out" 2>&1; then
        echo "FAIL: the guard missed $what"; exit 1
    fi
    if ! grep -q "^$file:$line: dialect leak" "$work/out" || ! grep -q "hint:" "$work/out"; then
        echo "FAIL: $what is not reported as $file:$line with a hint:"; cat "$work/out"; exit 1
    fi
    echo "ok: $what"
}

fresh
expect_pass "the generic folders as they are"

expect_leak "a dialect name compared in code" lib/diff/differ.cpp \
    'static bool leak(const std::string& name) { return name == "sqlite"; }'
expect_leak "a URL scheme in a literal" lib/diff/differ.cpp 'static const char* kLeak = "postgresql://x";'
expect_leak "a dialect type name" lib/diff/differ.cpp 'struct PostgresThing;'
expect_leak "a dialect-only field in the neutral schema" lib/schema/schema.hpp 'struct Leak { bool sqlite_strict = false; };'
expect_leak "a look inside dialect_options" lib/diff/differ.cpp \
    'static bool leak(const autogen::schema::Table& t) { return t.dialect_options.count("strict"); }'
expect_leak "a dialect name in the generic DiffRules" lib/diff/diff_rules.hpp 'inline bool leak_postgres = true;'
expect_leak "a name after a block comment" lib/diff/differ.cpp '/* a comment */ int sqlite_leak = 0;'

fresh
printf '%s\n' '// SQLite, sqlite and postgres in a comment are fine' '/* postgresql:// too */' \
    'static const char* kText = "a PostgreSQL server or a SQLite file";' >>"$work/tree/lib/diff/differ.cpp"
printf '%s\n' 'int sqlite_only_here = 0;' >>"$work/tree/lib/diff/sqlite_rules.cpp"
printf '%s\n' 'int sqlite_in_a_test = 0;' >>"$work/tree/lib/diff/differ_test.cpp"
expect_pass "comments, prose, a per-dialect rules file and a unit test"
echo "ok: comments, prose, per-dialect files and tests are not leaks"
