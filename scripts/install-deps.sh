#!/usr/bin/env bash
# Installs the Debian packages autogen needs to build, test and demo, if any is missing,
# and the pinned squawk the lint side-by-side test runs (into AUTOGEN_TOOLS_DIR).
# Safe to run again: it does nothing when everything is there. Never prompts.
set -euo pipefail

packages=(
  cmake ninja-build g++ git
  clang-14 libclang-14-dev libclang-rt-14-dev   # the scanner's libclang; clang++ for the sanitizer build
  libsqlite3-dev sqlite3                        # SQLite (sqlite3 CLI: the demo and offline checks)
  libpq-dev postgresql                          # PostgreSQL client library and server
  libcli11-dev doctest-dev nlohmann-json3-dev libtomlplusplus-dev libfmt-dev libxxhash-dev
  clang-format-14                               # the format check of the test command (scripts/check-format.sh)
  python3-jinja2                                # the reference Jinja for the template conformance tests
  python3-jsonschema                            # validates the --json golden documents against docs/json-schema/
  pre-commit                                    # the pre-commit integration test of `autogen check`
  dpkg-dev                                      # dpkg-shlibdeps: the .deb's Depends (cpack, tests/deb_package_test.sh)
  fish zsh groff-base                           # the completion scripts driven by real shells, autogen(1) read by groff (tests/completion/)
  libbenchmark-dev python3-alembic python3-psycopg2  # benchmarks (bench/): Google Benchmark, Alembic's autogenerate on PostgreSQL
)

# npm installs squawk (below); Debian's nodejs and npm only when no npm is on PATH (a
# Node.js from elsewhere brings its own npm, which Debian's npm package would conflict with).
command -v npm >/dev/null 2>&1 || packages+=(nodejs npm)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

sudo=""
[ "$(id -u)" = 0 ] || sudo="sudo"
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing: ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# squawk, the PostgreSQL migration linter that `autogen lint` is compared with
# (tests/lint/, docs/lint.md "Side by side with squawk"), pinned: npm's squawk-cli ships
# its binary inside the package. Installed outside the checkout, where CMake looks
# (AUTOGEN_TOOLS_DIR, default /opt/autogen-tools); nothing is done when that version is there.
squawk_version=2.66.0
tools=${AUTOGEN_TOOLS_DIR:-/opt/autogen-tools}
for squawk in "$tools"/node_modules/@squawk-cli/linux-*/bin/squawk; do
  [ "$("$squawk" --version 2>/dev/null)" = "squawk $squawk_version" ] && exit 0
done
echo "installing: squawk-cli@$squawk_version into $tools" >&2
[ -d "$tools" ] && [ -w "$tools" ] || $sudo mkdir -p "$tools"
[ -w "$tools" ] || $sudo chown "$(id -u):$(id -g)" "$tools"
CI=true npm install --prefix "$tools" --no-save --no-audit --no-fund --no-progress --loglevel=error \
  "squawk-cli@$squawk_version" </dev/null >/dev/null
