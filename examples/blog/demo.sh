#!/usr/bin/env bash
# The scripted demo on examples/blog: scan -> revision -> upgrade -> edit the models ->
# check shows drift -> revision -> upgrade -> check clean -> history -> downgrade.
# Runs in a copy of this folder, so the repository stays clean. Every step's outcome is
# asserted: the demo fails loudly if autogen does not behave as shown.
# usage: demo.sh path/to/autogen [--url postgresql://user@host:port/db]
#   Without --url: an SQLite file in the copy. With a PostgreSQL URL: the demo creates a
#   fresh database on that server (autogen_blog_demo_<pid>), runs there, and drops it.
set -euo pipefail

autogen=$(realpath "${1:?usage: demo.sh path/to/autogen [--url postgresql://...]}")
url=""
if [ "${2:-}" = "--url" ]; then url=${3:?--url needs a URL}; fi
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d /tmp/autogen-blog-demo.XXXXXX)
cleanup() { rm -rf "$work"; }
trap cleanup EXIT
cp -r "$here/autogen.toml" "$here/src" "$work/"
cd "$work"
export AUTOGEN_NOW=${AUTOGEN_NOW:-}   # empty: the real clock
unset DATABASE_URL

case "$url" in
  "") dialect=sqlite ;;
  postgresql://*|postgres://*)
    dialect=postgresql
    server=$url
    demo_db=autogen_blog_demo_$$
    # the same server, another database name (keeps user, host, port and ?options)
    export DATABASE_URL=$(printf '%s' "$server" | sed -E "s#^([a-z]+://[^/?]*)(/[^?]*)?#\1/$demo_db#")
    psql -X -q -v ON_ERROR_STOP=1 -d "$server" -c "CREATE DATABASE \"$demo_db\""
    cleanup() { psql -X -q -d "$server" -c "DROP DATABASE IF EXISTS \"$demo_db\" WITH (FORCE)" || true; rm -rf "$work"; }
    echo "demo database: $demo_db (dropped at the end)"
    ;;
  *) echo "demo.sh: --url must be a postgresql:// URL (SQLite is the default)" >&2; exit 2 ;;
esac

bold=$'\033[1m'; plain=$'\033[0m'
[ -t 1 ] || { bold=""; plain=""; }
say()  { printf '\n%s== %s%s\n' "$bold" "$*" "$plain"; }
show() { printf '%s$ %s%s\n' "$bold" "$*" "$plain"; }
# run EXPECTED_EXIT command...: runs, shows, and insists on the exit code.
run() {
  local want=$1; shift
  show "$*"
  set +e; "$@"; local got=$?; set -e
  if [ "$got" != "$want" ]; then
    echo "demo failed: '$*' exited $got, expected $want" >&2
    exit 1
  fi
}
# query QUERY: runs QUERY with the database's own client; sql QUERY: the same, shown as typed.
query() {
  if [ "$dialect" = sqlite ]; then sqlite3 db/blog.sqlite3 "$1"; else psql -X -q -At -d "$DATABASE_URL" -c "$1"; fi
}
sql() {
  if [ "$dialect" = sqlite ]; then show "sqlite3 db/blog.sqlite3 \"$1\""; else show "psql -c \"$1\""; fi
  query "$1"
}

say "1. What does autogen see? Every header under src/models, imported or not."
run 0 "$autogen" inspect models

say "2. The first revision, computed against the empty database"
run 0 "$autogen" revision -m "create blog schema"
first=$(ls migrations/*.sql)
show "cat $first"; cat "$first"

say "3. Apply it; the models and the database now agree"
run 0 "$autogen" upgrade head
run 0 "$autogen" check
run 0 "$autogen" revision -m "nothing to do"
[ "$(ls migrations/*.sql | wc -l)" = 1 ] || { echo "demo failed: a revision was written with no change" >&2; exit 1; }

say "4. Some data that must survive what follows"
sql "INSERT INTO users (email, display_name) VALUES ('ada@example.com', 'Ada');"
sql "INSERT INTO posts (author_id, title, body) VALUES (1, 'Hello', 'First post');"

say "5. Edit the models: users.bio, an index on posts.published_at, a bookmarks table"
cp "$here/../blog-edits/src/models/"*.hpp src/models/
show "diff -u (old) src/models/user.hpp"; diff -u "$here/src/models/user.hpp" src/models/user.hpp || true

say "6. check sees the drift and names each difference (exit 1)"
run 1 "$autogen" check

say "7. A revision for the change, applied"
run 0 "$autogen" revision -m "add bio and bookmarks"
second=$(ls -t migrations/*.sql | head -n 1)
show "cat $second"; cat "$second"
run 0 "$autogen" upgrade head
run 0 "$autogen" check
rows="$(query "SELECT count(*) FROM users") $(query "SELECT count(*) FROM posts") "
show "rows kept (users posts): $rows"
[ "$rows" = "1 1 " ] || { echo "demo failed: rows were lost ($rows)" >&2; exit 1; }

say "8. History, and a step back"
run 0 "$autogen" history
run 0 "$autogen" downgrade -1
run 0 "$autogen" current
if [ "$dialect" = sqlite ]; then
  catalog="SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'bookmarks'"
else
  catalog="SELECT count(*) FROM pg_tables WHERE tablename = 'bookmarks'"
fi
sql "$catalog"
[ "$(query "$catalog")" = 0 ] || { echo "demo failed: bookmarks survived the downgrade" >&2; exit 1; }
run 0 "$autogen" upgrade head
run 0 "$autogen" current

say "Demo finished: every step behaved as shown."
