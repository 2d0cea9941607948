#!/usr/bin/env bash
# `cmake --install` puts the binary, <autogen/model.hpp> and the built-in templates into
# a prefix, and the installed binary finds them by itself: the project's autogen.toml
# names none of autogen's folders. Then, without the installed header, it must fail:
# an installed binary never falls back to the source tree it was built from.
# usage: install_test.sh BUILD_DIR
set -euo pipefail
build=$1
prefix=$(mktemp -d /tmp/autogen-prefix.XXXXXX)
project=$(mktemp -d /tmp/autogen-installed-project.XXXXXX)
trap 'rm -rf "$prefix" "$project"' EXIT

cmake --install "$build" --prefix "$prefix" >/dev/null
for f in bin/autogen include/autogen/model.hpp share/autogen/templates/revision.sql.j2; do
  [ -e "$prefix/$f" ] || { echo "FAIL: $f was not installed"; exit 1; }
done

mkdir -p "$project/models"
cat > "$project/autogen.toml" <<'TOML'
[database]
url = "sqlite:///app.sqlite3"
[models]
headers = ["models/*.hpp"]
TOML
cat > "$project/models/user.hpp" <<'CPP'
#pragma once
#include <autogen/model.hpp>
#include <cstdint>
#include <string>
struct AUTOGEN_TABLE("users") User {
    AUTOGEN_COLUMN(primary_key, identity) std::int64_t id;
    std::string name;
};
CPP

cd "$project"
"$prefix/bin/autogen" revision -m init | grep -q '^detected added table "users"$'
"$prefix/bin/autogen" upgrade head | grep -q '^applied '
"$prefix/bin/autogen" check | grep -q '^no drift'

rm "$prefix/include/autogen/model.hpp"
if "$prefix/bin/autogen" inspect models > out.txt 2> err.txt; then
  echo "FAIL: the installed binary scanned models without its installed model.hpp"; exit 1
fi
grep -q 'model.hpp' err.txt || { echo "FAIL: the error does not name model.hpp:"; cat err.txt; exit 1; }
echo "PASS install_test (binary, header and templates found from the prefix)"
