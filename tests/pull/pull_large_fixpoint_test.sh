#!/usr/bin/env bash
# pull_large_fixpoint_test.sh AUTOGEN - issue 16's large case: `autogen pull` of a
# 1,000-table PostgreSQL database whose constraints SQLAlchemy's convention named
# (pk_<t>, uq_<t>_<col>, fk_<t>_<col>_<ref>, ix_<t>_<col>, ck_<t>_<name>; the schema of
# bench/sqlalchemy_named_schema.sh, as bench/pull_bench.sh pulls it). pull detects the convention and writes it into autogen.toml,
# the headers name no constraint, `diff` reports nothing, `revision` writes nothing,
# after a baseline + `stamp head` `check` is clean, and a database built from the
# baseline has the original's catalog, every name included (`inspect db --json` of both).
# Needs the ctest postgres fixture (AUTOGEN_TEST_PG_URL_FILE).
set -euo pipefail
autogen=$(realpath "$1")
tables=${2:-1000}
fail() { echo "FAILED: $*" >&2; exit 1; }
[ -s "${AUTOGEN_TEST_PG_URL_FILE:-}" ] || fail "no PostgreSQL test server (AUTOGEN_TEST_PG_URL_FILE)"
server=$(cat "$AUTOGEN_TEST_PG_URL_FILE")
work=$(mktemp -d)
db=autogen_pull_large_$$
built=autogen_pull_large_built_$$
trap 'for d in "$db" "$built"; do psql -X -q -d "$server" -c "DROP DATABASE IF EXISTS \"$d\" WITH (FORCE)" || true; done; rm -rf "$work"' EXIT
url_of() { printf '%s' "$server" | sed -E "s#^([a-z]+://[^/?]*)(/[^?]*)?#\1/$1#"; }
url=$(url_of "$db")
psql -X -q -v ON_ERROR_STOP=1 -d "$server" -c "CREATE DATABASE \"$db\""
psql -X -q -v ON_ERROR_STOP=1 -d "$server" -c "CREATE DATABASE \"$built\""
# One statement at a time (autocommit): a single transaction would need more lock slots
# than the test server has.
source "$(dirname "$0")/../../bench/sqlalchemy_named_schema.sh"
sqlalchemy_named_schema "$tables" > "$work/schema.sql"
psql -X -q -v ON_ERROR_STOP=1 -d "$url" -f "$work/schema.sql" > /dev/null

cd "$work"
printf '[database]\nurl = "%s"\ndev_url = "%s"\n[models]\nheaders = ["models/*.hpp"]\n' \
  "$url" "$server" > autogen.toml
"$autogen" -q pull > /dev/null || fail "pull"
grep -q '^naming = { pk = "pk_%(table)s", uq = "uq_%(table)s_%(column_0_name)s", fk = "fk_%(table)s_%(column_0_name)s_%(referred_table)s", ix = "ix_%(table)s_%(column_0_name)s", ck = "ck_%(table)s_%(constraint_name)s" }$' autogen.toml ||
  fail "pull did not write the detected convention: $(grep naming autogen.toml || echo none)"
count=$(ls models/*.hpp | wc -l)
[ "$count" -eq "$tables" ] || fail "pull wrote $count headers, expected $tables"
# Every constraint follows the convention: the headers name none of them.
if named=$(grep -l 'primary_key = "\|index = "\|unique = "\|AUTOGEN_FOREIGN_KEY(' models/*.hpp); then
  fail "constraints that follow the convention are named in: $(head -3 <<< "$named")"
fi
out=$("$autogen" diff 2>&1) || fail "diff: $out"
grep -q '^no changes detected$' <<< "$out" || fail "diff is not empty: $(head -5 <<< "$out")"
out=$("$autogen" revision -m nothing 2>&1) || fail "revision: $out"
grep -q 'nothing written' <<< "$out" || fail "revision wrote something: $out"
"$autogen" -q revision --baseline -m baseline --rev-id 000000000001 > /dev/null || fail "baseline"
"$autogen" -q stamp head > /dev/null || fail "stamp"
out=$("$autogen" check 2>&1) || fail "check: $out"
"$autogen" -q --url "$(url_of "$built")" upgrade head > /dev/null || fail "upgrade of an empty database to the baseline"
python3 - "$autogen" "$url" "$(url_of "$built")" <<'PY' || fail "the database built from the baseline is not the original"
import json, subprocess, sys
autogen, original, built = sys.argv[1:]
def catalog(url):
    out = subprocess.run([autogen, "--json", "--url", url, "inspect", "db"], check=True,
                         capture_output=True, text=True).stdout
    return json.loads(out)["result"]
a, b = catalog(original), catalog(built)
if a != b:
    for line_a, line_b in zip(json.dumps(a, indent=1).splitlines(), json.dumps(b, indent=1).splitlines()):
        if line_a != line_b:
            print("first difference:", line_a, "|", line_b)
            break
    sys.exit(1)
print("tables compared:", len(a.get("schema", a).get("tables", [])))
PY
echo "ok: pull of $tables SQLAlchemy-named PostgreSQL tables is a fixpoint"
