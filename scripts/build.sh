#!/usr/bin/env bash
# Configures and builds one build tree: scripts/build.sh DIR [cmake options...]
# Warnings are errors in every build the scripts make.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
dir=$1; shift
cmake -S "$root" -B "$dir" -G Ninja -DAUTOGEN_WERROR=ON "$@" >/dev/null
cmake --build "$dir" -j "$(nproc)"
