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
  # every pulled header, compiled alone (include what you use) by every compiler
  for header in "$adopt"/src/models/*.hpp; do
    printf '#include "%s"\n' "$header" >"$work/tu.cpp"
    for cxx in "${compilers[@]}"; do
      "$cxx" -std=c++20 -Wall -Wextra -Wpedantic -Werror -fsyntax-only -I "$src/include" "$work/tu.cpp" ||
        fail "$name: $header does not compile with $cxx"
    done
  done
  echo "ok: $name: pull of the blog is a fixpoint and compiles with ${compilers[*]}"
}

run sqlite "sqlite:///$work/blog.sqlite3" "" sqlite3 "$work/blog.sqlite3"

if [ -n "${AUTOGEN_TEST_PG_URL_FILE:-}" ] && [ -s "$AUTOGEN_TEST_PG_URL_FILE" ]; then
  server=$(cat "$AUTOGEN_TEST_PG_URL_FILE")
  db=autogen_pull_$$
  trap 'psql -X -q -d "$server" -c "DROP DATABASE IF EXISTS \"$db\" WITH (FORCE)" || true; rm -rf "$work"' EXIT
  psql -X -q -v ON_ERROR_STOP=1 -d "$server" -c "CREATE DATABASE \"$db\""
  pg_url=$(printf '%s' "$server" | sed -E "s#^([a-z]+://[^/?]*)(/[^?]*)?#\1/$db#")
  run postgresql "$pg_url" "$server" psql -X -q -v ON_ERROR_STOP=1 -d "$pg_url" -c
fi
