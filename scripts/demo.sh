#!/usr/bin/env bash
# Installs what is missing, builds autogen, and runs the scripted demo on examples/blog:
#   scripts/demo.sh                                  on an embedded SQLite database
#   scripts/demo.sh --url postgresql://user@host/db  on a fresh database of that server
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/install-deps.sh"
"$root/scripts/build.sh" "$root/build/release" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DAUTOGEN_BUILD_TESTS=OFF
"$root/examples/blog/demo.sh" "$root/build/release/autogen" "$@"
