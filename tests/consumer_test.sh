#!/usr/bin/env bash
# The CMake package, used as an application would (SPEC §6): `cmake --install` into a
# temporary prefix, then tests/consumer is configured against it with
# find_package(autogen CONFIG REQUIRED) and built with each compiler given, migrates a
# SQLite database at start-up from examples/blog's migrations folder on disk (written
# here by the installed CLI), and `autogen current` and `autogen check` on that database
# agree with it. With AUTOGEN_TEST_PG_URL_FILE (the ctest fixture's server) the same on
# PostgreSQL, plus: a database the CLI migrated is left alone by the application, and
# three instances starting together apply the revision once. Then the embedded build
# (autogen_embed_migrations), examples/blog's application and autogen_add_check.
# Also: a version the package is not (find_package(autogen 99)) is refused, and the
# pkg-config file builds the same program.
# usage: consumer_test.sh BUILD_DIR SOURCE_DIR COMPILER...
set -euo pipefail
build=$(realpath "$1")
source=$(realpath "$2")
shift 2
work=$(mktemp -d /tmp/autogen-consumer.XXXXXX)
trap 'rm -rf "$work"' EXIT
prefix=$work/prefix
fail() { echo "FAIL: $*" >&2; exit 1; }

cmake --install "$build" --prefix "$prefix" >/dev/null
for f in lib/cmake/autogen/autogenConfig.cmake lib/cmake/autogen/autogenConfigVersion.cmake \
         lib/cmake/autogen/autogenTargets.cmake lib/libautogen_migrate.so \
         lib/pkgconfig/autogen-migrate.pc include/autogen/migrate.hpp include/autogen/model.hpp; do
  [ -e "$prefix/$f" ] || fail "$f was not installed"
done

# examples/blog's migrations, written by the installed CLI (a copy: the example stays clean)
mkdir -p "$work/blog"
cp -r "$source/examples/blog/autogen.toml" "$source/examples/blog/src" "$work/blog/"
(cd "$work/blog" && env -u DATABASE_URL AUTOGEN_NOW=2026-11-21T15:30:00Z \
   "$prefix/bin/autogen" -q revision -m "blog schema" --rev-id b10900000001 >/dev/null)
migrations=$work/blog/migrations
[ -n "$(ls "$migrations"/*.sql)" ] || fail "no revision written in $migrations"

for cxx in "$@"; do
  name=$(basename "$cxx")
  out=$work/build-$name
  cmake -S "$source/tests/consumer" -B "$out" -G Ninja -DCMAKE_CXX_COMPILER="$cxx" \
        -DCMAKE_PREFIX_PATH="$prefix" >"$work/configure-$name.log" 2>&1 \
    || { cat "$work/configure-$name.log"; fail "$name: configuring the consumer failed"; }
  cmake --build "$out" >"$work/build-$name.log" 2>&1 \
    || { cat "$work/build-$name.log"; fail "$name: building the consumer failed"; }
  # the runtime library it runs is the installed one, and it carries no libclang
  # (ldd into a variable: `ldd | grep -q` fails under pipefail when grep stops early)
  loads=$(ldd "$out/consumer")
  grep -q "$prefix/lib/libautogen_migrate.so" <<<"$loads" \
    || { echo "$loads"; fail "$name: the consumer does not load the installed runtime"; }
  ! grep -qi clang <<<"$loads" || fail "$name: the consumer loads libclang"

  url="sqlite:///$work/app-$name.sqlite3"
  app=$("$out/consumer" "$url" "$migrations") || fail "$name: the consumer failed: $app"
  grep -qx "applied b10900000001 blog schema" <<<"$app" || fail "$name: consumer said: $app"
  grep -qx "current b10900000001" <<<"$app" || fail "$name: consumer said: $app"
  again=$("$out/consumer" "$url" "$migrations")
  [ "$again" = "current b10900000001" ] || fail "$name: a second start applied something: $again"
  # the CLI reads what the application wrote (no autogen.toml needed: --migrations)
  cli=$(cd "$work" && "$prefix/bin/autogen" --migrations "$migrations" --url "$url" current)
  grep -q "^b10900000001 (head), blog schema$" <<<"$cli" || fail "$name: autogen current said: $cli"
  (cd "$work/blog" && DATABASE_URL=$url "$prefix/bin/autogen" check >"$work/check-$name.log" 2>&1) \
    || { cat "$work/check-$name.log"; fail "$name: autogen check after the application ran"; }
  echo "ok: $name built against the installed package; it, autogen current and check agree: b10900000001"
done

# PostgreSQL too, when the test server's URL file is given (ctest's postgres fixture):
# a fresh database on it, migrated by the g++ build, read by the CLI.
if [ -n "${AUTOGEN_TEST_PG_URL_FILE:-}" ] && [ -s "$AUTOGEN_TEST_PG_URL_FILE" ]; then
  server=$(cat "$AUTOGEN_TEST_PG_URL_FILE")
  # fresh_database VAR NAME: creates database NAME on the server (dropped at exit) and sets
  # VAR to its URL (the server's, another database name: user, host, port, ?options kept).
  pg_databases=()
  trap 'for d in "${pg_databases[@]}"; do psql -X -q -d "$server" -c "DROP DATABASE IF EXISTS \"$d\" WITH (FORCE)" || true; done; rm -rf "$work"' EXIT
  fresh_database() {
    psql -X -q -v ON_ERROR_STOP=1 -d "$server" -c "CREATE DATABASE \"$2\""
    pg_databases+=("$2")
    printf -v "$1" '%s' "$(printf '%s' "$server" | sed -E "s#^([a-z]+://[^/?]*)(/[^?]*)?#\1/$2#")"
  }
  fresh_database pg_url autogen_consumer_$$
  # the blog's revision carries SQL for the dialect it was written for: write one for PostgreSQL
  mkdir -p "$work/blog-pg"
  cp -r "$source/examples/blog/autogen.toml" "$source/examples/blog/src" "$work/blog-pg/"
  (cd "$work/blog-pg" && DATABASE_URL=$pg_url AUTOGEN_NOW=2026-11-21T15:30:00Z \
     "$prefix/bin/autogen" -q revision -m "blog schema" --rev-id b10900000001 >/dev/null)
  first=$(basename "$1")
  app=$("$work/build-$first/consumer" "$pg_url" "$work/blog-pg/migrations") || fail "postgresql: $app"
  grep -qx "current b10900000001" <<<"$app" || fail "postgresql: consumer said: $app"
  cli=$(cd "$work" && "$prefix/bin/autogen" --migrations "$work/blog-pg/migrations" --url "$pg_url" current)
  grep -q "^b10900000001 (head), blog schema$" <<<"$cli" || fail "postgresql: autogen current said: $cli"
  # `autogen check` on the database the application migrated: models, chain and live schema agree
  (cd "$work/blog-pg" && DATABASE_URL=$pg_url "$prefix/bin/autogen" check >"$work/pg-check.log" 2>&1) \
    || { cat "$work/pg-check.log"; fail "postgresql: autogen check after the application ran"; }
  echo "ok: PostgreSQL migrated by the installed package's consumer; autogen current and check agree"

  # The other way: the CLI migrates, the application then finds nothing to do.
  fresh_database other_url autogen_consumer_$$_cli
  fresh_database race_url autogen_consumer_$$_race
  (cd "$work" && "$prefix/bin/autogen" -q --migrations "$work/blog-pg/migrations" --url "$other_url" upgrade head >/dev/null)
  app=$("$work/build-$first/consumer" "$other_url" "$work/blog-pg/migrations") || fail "postgresql, after the CLI: $app"
  [ "$app" = "current b10900000001" ] || fail "postgresql: after the CLI's upgrade the application said: $app"
  echo "ok: PostgreSQL migrated by the CLI; the application agrees and applies nothing"

  # Two instances starting together on a fresh database: the revision is applied once.
  for i in 1 2 3; do
    "$work/build-$first/consumer" "$race_url" "$work/blog-pg/migrations" >"$work/race-$i.log" 2>&1 &
  done
  wait_all=0
  for job in $(jobs -p); do wait "$job" || wait_all=1; done
  [ "$wait_all" = 0 ] || { cat "$work"/race-*.log; fail "postgresql: a racing instance failed"; }
  applied=$(cat "$work"/race-*.log | grep -c "^applied b10900000001 " || true)
  [ "$applied" = 1 ] || { cat "$work"/race-*.log; fail "postgresql: 3 racing instances applied the revision $applied times"; }
  for i in 1 2 3; do grep -qx "current b10900000001" "$work/race-$i.log" || fail "postgresql: instance $i did not end at the head"; done
  echo "ok: three instances starting together on PostgreSQL applied the revision once"

  # The same migrations compiled into the program (autogen_embed_migrations), on a fresh database.
  fresh_database embed_url autogen_consumer_$$_embedded
  cmake -S "$source/tests/consumer" -B "$work/build-embed-pg" -G Ninja -DCMAKE_CXX_COMPILER="$1" \
        -DCMAKE_PREFIX_PATH="$prefix" -DAUTOGEN_EMBED_DIR="$work/blog-pg/migrations" \
        >"$work/configure-embed-pg.log" 2>&1 \
    || { cat "$work/configure-embed-pg.log"; fail "configuring the embedded consumer for PostgreSQL failed"; }
  cmake --build "$work/build-embed-pg" >"$work/build-embed-pg.log" 2>&1 \
    || { cat "$work/build-embed-pg.log"; fail "building the embedded consumer for PostgreSQL failed"; }
  app=$("$work/build-embed-pg/consumer_embedded" "$embed_url") || fail "postgresql, embedded: $app"
  grep -qx "applied b10900000001 blog schema" <<<"$app" || fail "postgresql, embedded: consumer said: $app"
  cli=$(cd "$work" && "$prefix/bin/autogen" --migrations "$work/blog-pg/migrations" --url "$embed_url" current)
  grep -q "^b10900000001 (head), blog schema$" <<<"$cli" || fail "postgresql, embedded: autogen current said: $cli"
  echo "ok: PostgreSQL migrated from migrations compiled into the program; the CLI agrees"
fi

# Embedded (autogen_embed_migrations): the folder is compiled into the program, which
# then runs with no folder beside it; the next build embeds a new revision, and an
# applied revision edited since it ran is refused as the CLI refuses it.
embed=$work/embed
cp -r "$work/blog" "$embed"  # a project of its own: its CLI writes the next revision there
cmake -S "$source/tests/consumer" -B "$work/build-embed" -G Ninja -DCMAKE_CXX_COMPILER="$1" \
      -DCMAKE_PREFIX_PATH="$prefix" -DAUTOGEN_EMBED_DIR="$embed/migrations" \
      >"$work/configure-embed.log" 2>&1 \
  || { cat "$work/configure-embed.log"; fail "configuring the embedded consumer failed"; }
build_embedded() {
  cmake --build "$work/build-embed" >"$work/build-embed.log" 2>&1 \
    || { cat "$work/build-embed.log"; fail "building the embedded consumer failed"; }
}
build_embedded
embedded=$work/build-embed/consumer_embedded
eurl="sqlite:///$work/app-embedded.sqlite3"
mv "$embed/migrations" "$embed/migrations.away"  # nothing on disk at run time
app=$("$embedded" "$eurl") || fail "embedded: $app"
grep -qx "applied b10900000001 blog schema" <<<"$app" || fail "embedded: consumer said: $app"
grep -qx "current b10900000001" <<<"$app" || fail "embedded: consumer said: $app"
mv "$embed/migrations.away" "$embed/migrations"
cli=$(cd "$work" && "$prefix/bin/autogen" --migrations "$embed/migrations" --url "$eurl" current)
grep -q "^b10900000001 (head), blog schema$" <<<"$cli" || fail "embedded: autogen current said: $cli"
(cd "$embed" && env -u DATABASE_URL AUTOGEN_NOW=2026-11-22T10:00:00Z \
   "$prefix/bin/autogen" -q revision --empty -m "second" --rev-id b10900000002 >/dev/null)
build_embedded
app=$("$embedded" "$eurl") || fail "embedded, new revision: $app"
grep -qx "applied b10900000002 second" <<<"$app" || fail "embedded: the new revision was not embedded: $app"
grep -qx "current b10900000002" <<<"$app" || fail "embedded: consumer said: $app"
for f in "$embed"/migrations/*b10900000001*.sql; do echo "-- edited after it ran" >>"$f"; done
build_embedded
if out=$("$embedded" "$eurl" 2>&1); then fail "embedded: an edited revision was accepted: $out"; fi
grep -q "b10900000001 was edited after it was applied" <<<"$out" \
  || fail "embedded: refused for another reason: $out"
echo "ok: embedded migrations applied with no folder on disk, rebuilt with a new revision, an edit refused"

# The worked example: examples/blog as an application (its CMakeLists.txt) that migrates
# itself at start-up from its embedded revisions, built against the installed package.
app_dir=$work/blog-app
mkdir -p "$app_dir"
cp -r "$source/examples/blog/CMakeLists.txt" "$source/examples/blog/autogen.toml" "$source/examples/blog/src" \
      "$work/blog/migrations" "$app_dir/"
cmake -S "$app_dir" -B "$app_dir/build" -G Ninja -DCMAKE_CXX_COMPILER="$1" \
      -DCMAKE_PREFIX_PATH="$prefix" -DCMAKE_CXX_FLAGS="-Wall -Wextra -Wpedantic -Werror" \
      >"$work/configure-app.log" 2>&1 \
  || { cat "$work/configure-app.log"; fail "configuring examples/blog's application failed"; }
cmake --build "$app_dir/build" >"$work/build-app.log" 2>&1 \
  || { cat "$work/build-app.log"; fail "building examples/blog's application failed"; }
aurl="sqlite:///$work/blog-app.sqlite3"
app=$(cd "$work" && "$app_dir/build/blog_app" "$aurl" 2>/dev/null) || fail "blog_app: $app"
grep -qx "database migrated to b10900000001" <<<"$app" || fail "blog_app said: $app"
app=$(cd "$work" && "$app_dir/build/blog_app" "$aurl" 2>/dev/null) || fail "blog_app, again: $app"
grep -qx "database already at b10900000001" <<<"$app" || fail "blog_app, again, said: $app"
echo "ok: examples/blog's application migrates itself from its embedded revisions"

# autogen_add_check(blog_app): the build ran `autogen check --offline`; a model edited
# without its revision fails the next build, saying what drifted; the revision mends it.
grep -q "autogen check --offline" "$work/build-app.log" || fail "building blog_app ran no check"
sed -i 's#^};#    std::optional<std::string> mood;  // added without a revision\n};#' "$app_dir/src/models/comment.hpp"
if cmake --build "$app_dir/build" >"$work/build-drift.log" 2>&1; then
  fail "blog_app built although a model drifted from its migrations"
fi
grep -q '"comments"' "$work/build-drift.log" && grep -q 'mood' "$work/build-drift.log" \
  || { cat "$work/build-drift.log"; fail "the failed build does not say what drifted"; }
(cd "$app_dir" && DATABASE_URL="$aurl" AUTOGEN_NOW=2026-11-22T11:00:00Z \
   "$prefix/bin/autogen" -q revision -m "mood" --rev-id b10900000003 >/dev/null)
cmake --build "$app_dir/build" >"$work/build-mended.log" 2>&1 \
  || { cat "$work/build-mended.log"; fail "blog_app did not build after the revision"; }
app=$(cd "$work" && "$app_dir/build/blog_app" "$aurl" 2>/dev/null) || fail "blog_app, mended: $app"
grep -qx "database migrated to b10900000003" <<<"$app" || fail "blog_app, mended, said: $app"
# ... and as a test (TEST): ctest runs the check, the build is left alone
cmake -S "$source/tests/consumer" -B "$work/build-check" -G Ninja -DCMAKE_PREFIX_PATH="$prefix" \
      -DAUTOGEN_CHECK_DIR="$app_dir" >"$work/configure-check.log" 2>&1 \
  || { cat "$work/configure-check.log"; fail "configuring the consumer with a check test failed"; }
cmake --build "$work/build-check" >/dev/null 2>&1 || fail "building the consumer with a check test failed"
ctest --test-dir "$work/build-check" -R autogen_check --no-tests=error >"$work/ctest-check.log" 2>&1 \
  || { cat "$work/ctest-check.log"; fail "the clean project's check test failed"; }
echo "-- edited after it ran" >>"$(ls "$app_dir"/migrations/*b10900000003*.sql)"
if ctest --test-dir "$work/build-check" -R autogen_check --no-tests=error >"$work/ctest-check.log" 2>&1; then
  fail "the check test passed on an edited revision"
fi
echo "ok: autogen_add_check fails the build on drift, and as a test fails on an edited revision"

# version checking: a version the package is not is refused
if cmake -S "$source/tests/consumer" -B "$work/build-v99" -G Ninja -DCMAKE_PREFIX_PATH="$prefix" \
     -DAUTOGEN_WANTED_VERSION=99 >"$work/v99.log" 2>&1; then
  fail "find_package(autogen 99) succeeded"
fi
grep -q "compatible with requested version" "$work/v99.log" || { cat "$work/v99.log"; fail "find_package(autogen 99): unexpected failure"; }

# pkg-config: the same program, linked without CMake
export PKG_CONFIG_PATH=$prefix/lib/pkgconfig
flags=$(pkg-config --cflags --libs autogen-migrate)
c++ -std=c++17 -o "$work/consumer-pc" "$source/tests/consumer/main.cpp" $flags -Wl,-rpath,"$prefix/lib"
pc=$("$work/consumer-pc" "sqlite:///$work/app-pc.sqlite3" "$migrations") || fail "pkg-config build failed: $pc"
grep -qx "current b10900000001" <<<"$pc" || fail "pkg-config build said: $pc"
echo "ok: version 99 refused; pkg-config ($flags) builds it too"
