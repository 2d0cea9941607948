#!/usr/bin/env bash
# pull_fixpoint_test.sh AUTOGEN SOURCE_DIR COMPILER... - `autogen pull` on examples/blog's
# schema: upgrade a copy of the blog to head, pull its database into an empty project,
# then `diff` reports nothing, `revision` writes nothing, a baseline + `stamp head`
# leaves `check` clean, and the pulled headers compile with every COMPILER under
# -std=c++20 -Wall -Wextra -Wpedantic -Werror. SQLite always; PostgreSQL too when
# AUTOGEN_TEST_PG_URL_FILE names the test server's URL (ctest's postgres fixture).
set -euo pipefail
autogen=$1
src=$2
shift 2
compilers=("$@")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAILED: $*" >&2; exit 1; }

# compile_pulled NAME DIR: every header in DIR, compiled alone (include what you use) by
# every compiler.
compile_pulled() {
  for header in "$2"/*.hpp; do
    printf '#include "%s"\n' "$header" >"$work/tu.cpp"
    for cxx in "${compilers[@]}"; do
      "$cxx" -std=c++20 -Wall -Wextra -Wpedantic -Werror -fsyntax-only -I "$src/include" "$work/tu.cpp" ||
        fail "$1: $header does not compile with $cxx"
    done
  done
}

# legacy NAME URL SQL...: pulls the every-annotation schema of tests/cli/pull.txt (its
# embedded legacy.NAME.sql, run by SQL...) and compiles the headers: reserved words,
# non-ASCII names, labels, schemas, types with no C++ mapping.
legacy() {
  local name=$1 url=$2
  shift 2
  local dir=$work/legacy-$name
  mkdir -p "$dir"
  sed -n "/^-- legacy.$name.sql --\$/,/^-- /p" "$src/tests/cli/pull.txt" | sed '1d;/^-- /d' >"$dir/legacy.sql"
  "$@" <"$dir/legacy.sql" >/dev/null || fail "$name: creating the legacy schema"
  printf '[database]\nurl = "%s"\n[models]\nheaders = ["models/*.hpp"]\n' "$url" >"$dir/autogen.toml"
  (cd "$dir" && "$autogen" -q pull) || fail "$name: pull of the legacy schema"
  compile_pulled "$name legacy" "$dir/models"
  echo "ok: $name: the legacy schema's pulled headers compile with ${compilers[*]}"
}

# run NAME URL DEV_URL SQL...: the whole round on one database; SQL... runs a statement on it.
run() {
  local name=$1 url=$2 dev=$3
  shift 3
  local sql=("$@")
  local blog=$work/blog-$name adopt=$work/adopt-$name
  cp -r "$src/examples/blog" "$blog"
  rm -rf "$blog/db" "$blog/migrations"
  (cd "$blog" && DATABASE_URL=$url "$autogen" -q revision -m blog --rev-id b10900000001 >/dev/null &&
    DATABASE_URL=$url "$autogen" -q upgrade head) || fail "$name: building the blog's schema"
  # a database being adopted has no version table
  "${sql[@]}" "DROP TABLE autogen_version; DROP TABLE autogen_version_log" >/dev/null ||
    fail "$name: dropping the version table"
  # the adopting project: a config, no models, no migrations
  mkdir -p "$adopt"
  cat >"$adopt/autogen.toml" <<TOML
[database]
url = "$url"
dev_url = "$dev"
[models]
headers = ["src/models/**/*.hpp"]
TOML
  (cd "$adopt" && "$autogen" pull >"$work/pull-$name.log" 2>&1) || { cat "$work/pull-$name.log"; fail "$name: pull"; }
  grep -q '^pulled 5 table(s)' "$work/pull-$name.log" || { cat "$work/pull-$name.log"; fail "$name: pull said"; }
  local out
  out=$(cd "$adopt" && "$autogen" diff 2>&1) || { echo "$out"; fail "$name: diff"; }
  grep -q '^no changes detected$' <<<"$out" || { echo "$out"; fail "$name: diff after pull is not empty"; }
  out=$(cd "$adopt" && "$autogen" revision -m again 2>&1) || { echo "$out"; fail "$name: revision"; }
  grep -q 'nothing written' <<<"$out" || { echo "$out"; fail "$name: revision after pull wrote something"; }
  (cd "$adopt" && "$autogen" -q revision --baseline -m baseline --rev-id 000000000001 >/dev/null &&
    "$autogen" -q stamp head && "$autogen" check >"$work/check-$name.log" 2>&1) ||
    { cat "$work/check-$name.log"; fail "$name: check after baseline + stamp"; }
  compile_pulled "$name" "$adopt/src/models"
  echo "ok: $name: pull of the blog is a fixpoint and compiles with ${compilers[*]}"
}

run sqlite "sqlite:///$work/blog.sqlite3" "" sqlite3 "$work/blog.sqlite3"
legacy sqlite "sqlite:///$work/legacy.sqlite3" sqlite3 "$work/legacy.sqlite3"

if [ -n "${AUTOGEN_TEST_PG_URL_FILE:-}" ] && [ -s "$AUTOGEN_TEST_PG_URL_FILE" ]; then
  server=$(cat "$AUTOGEN_TEST_PG_URL_FILE")
  db=autogen_pull_$$
  trap 'for d in "$db" "${db}_legacy"; do psql -X -q -d "$server" -c "DROP DATABASE IF EXISTS \"$d\" WITH (FORCE)" || true; done; rm -rf "$work"' EXIT
  url_of() { printf '%s' "$server" | sed -E "s#^([a-z]+://[^/?]*)(/[^?]*)?#\1/$1#"; }
  for d in "$db" "${db}_legacy"; do
    psql -X -q -v ON_ERROR_STOP=1 -d "$server" -c "CREATE DATABASE \"$d\""
  done
  run postgresql "$(url_of "$db")" "$server" psql -X -q -v ON_ERROR_STOP=1 -d "$(url_of "$db")" -c
  legacy postgresql "$(url_of "${db}_legacy")" psql -X -q -v ON_ERROR_STOP=1 -d "$(url_of "${db}_legacy")"
fi
