#!/usr/bin/env bash
# The repository's .pre-commit-hooks.yaml used by Debian's real `pre-commit` tool, fully
# offline: the hook repository is a local git repository holding a copy of that file,
# referenced by path and commit. In a temp git repository with an autogen project, a
# commit that edits a model without a revision is rejected with the drift listed; after
# `autogen revision`, the same commit passes. Then the same with the plain git hook
# script of docs/check.md.
# usage: precommit_test.sh path/to/autogen SOURCE_DIR
set -euo pipefail
autogen=$(realpath "$1")
src=$(realpath "$2")
work=$(mktemp -d /tmp/autogen-precommit.XXXXXX)
trap 'rm -rf "$work"' EXIT
export PATH="$(dirname "$autogen"):$PATH"
export PRE_COMMIT_HOME="$work/pre-commit-home"
export HOME="$work/home"   # no user git config or pre-commit state leaks in
mkdir -p "$HOME"
export GIT_AUTHOR_NAME=test GIT_AUTHOR_EMAIL=test@example.com
export GIT_COMMITTER_NAME=test GIT_COMMITTER_EMAIL=test@example.com
export GIT_CONFIG_NOSYSTEM=1
unset DATABASE_URL
fail() { echo "FAIL: $*"; exit 1; }

# the default hook leaves the configured database alone; the live check has its own id
grep -A6 '^- id: autogen-check$' "$src/.pre-commit-hooks.yaml" | grep -q '^  entry: autogen check --no-database$' ||
  fail "the default hook autogen-check is not 'autogen check --no-database'"
grep -A6 '^- id: autogen-check-database$' "$src/.pre-commit-hooks.yaml" | grep -q '^  entry: autogen check$' ||
  fail "no hook autogen-check-database running 'autogen check'"

# the hook repository: a copy of .pre-commit-hooks.yaml, committed
mkdir "$work/hooks"
cp "$src/.pre-commit-hooks.yaml" "$work/hooks/"
git -C "$work/hooks" init -q
git -C "$work/hooks" add .pre-commit-hooks.yaml
git -C "$work/hooks" commit -q -m hooks
rev=$(git -C "$work/hooks" rev-parse HEAD)

# the project: autogen.toml without a database, one model, its first revision
proj="$work/project"
mkdir -p "$proj/src/models"
cd "$proj"
git init -q
cat > autogen.toml <<'TOML'
[models]
headers = ["src/models/*.hpp"]
TOML
write_model() {
  cat > src/models/user.hpp <<CPP
#pragma once
#include <autogen/model.hpp>
#include <cstdint>
#include <optional>
#include <string>
struct AUTOGEN_TABLE("users") User {
    AUTOGEN_COLUMN(primary_key, identity) std::int64_t id;
    std::string name;
$1
};
CPP
}
write_model ""
cat > .pre-commit-config.yaml <<YAML
repos:
  - repo: $work/hooks
    rev: $rev
    hooks:
      - id: autogen-check
YAML
autogen -q revision -m init > /dev/null
[ -f migrations/autogen.sum ] || fail "revision wrote no migrations/autogen.sum"
pre-commit install > /dev/null
git add -A
# a database URL that cannot be opened does not matter to the default hook (--no-database)
DATABASE_URL="sqlite:///$work/no/such/folder/app.sqlite3" git commit -q -m init > "$work/out" 2>&1 ||
  { cat "$work/out"; fail "the first commit (models and revision agree) was rejected"; }

# a model edited without a revision: rejected, the drift listed
write_model "    std::optional<std::string> phone;"
git add -A
if git commit -m "add phone" > "$work/out" 2>&1; then cat "$work/out"; fail "a commit with model drift passed the hook"; fi
grep -q 'models differ from the migrations: added column "users"."phone"' "$work/out" ||
  { cat "$work/out"; fail "the rejected commit's output does not list the drift"; }
grep -q 'autogen check' "$work/out" || { cat "$work/out"; fail "the output does not name the hook"; }

# after `autogen revision`, the same commit passes
autogen -q revision -m "add phone" > /dev/null
git add -A
git commit -q -m "add phone" > "$work/out" 2>&1 || { cat "$work/out"; fail "the commit with its revision was rejected"; }
[ -z "$(git status --porcelain)" ] || fail "the hook left changes behind: $(git status --porcelain)"

# the plain git hook of docs/check.md (no pre-commit framework)
pre-commit uninstall > /dev/null
sed -n '/^#!\/bin\/sh$/,/^exit 0$/p' "$src/docs/check.md" > .git/hooks/pre-commit
grep -q 'autogen check' .git/hooks/pre-commit || fail "docs/check.md has no plain git hook script"
chmod +x .git/hooks/pre-commit
write_model "    std::optional<std::string> phone;
    std::optional<std::string> email;"
git add -A
if git commit -m "add email" > "$work/out" 2>&1; then cat "$work/out"; fail "the plain git hook let model drift through"; fi
grep -q 'added column "users"."email"' "$work/out" || { cat "$work/out"; fail "the plain hook does not list the drift"; }
autogen -q revision -m "add email" > /dev/null
git add -A
git commit -q -m "add email" > "$work/out" 2>&1 || { cat "$work/out"; fail "the plain hook rejected a clean commit"; }
echo "pre-commit: drift rejected, clean commits accepted (framework and plain hook)"
