#!/usr/bin/env bash
# Installs the Debian packages autogen needs to build, test and demo, if any is missing.
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

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "installing: ${missing[*]}" >&2
sudo=""
[ "$(id -u)" = 0 ] || sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
