#!/usr/bin/env bash
# The fish completion script of `autogen completion fish`, asked for real with fish's
# `complete -C` (what the shell lists at a Tab) in `fish --no-config`.
# Usage: fish_completion_test.sh AUTOGEN
set -euo pipefail
autogen=$1
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
"$autogen" completion fish >"$dir/autogen.fish"
fish --no-config -n "$dir/autogen.fish"
cd "$dir"  # files offered where nothing else is known: only this folder's
failed=0

# The candidates fish offers for the command line $1, names only, sorted, one line.
candidates() {
    fish --no-config -c "source autogen.fish; complete -C '$1'" | cut -f1 | sort | xargs
}
expect() {
    local got
    got=$(candidates "$1")
    if [[ $got != "$2" ]]; then
        echo "FAIL: '$1' completes to '$got', expected '$2'"
        failed=1
    fi
}
includes() {
    local got name
    got=" $(candidates "$1") "
    shift_words=("${@:2}")
    for name in "${shift_words[@]}"; do
        if [[ $got != *" $name "* ]]; then
            echo "FAIL: '$1' does not offer $name (got:$got)"
            failed=1
        fi
    done
}

expect "autogen up" "upgrade"
expect "autogen inspect " "db models"
expect "autogen init --dialect " "postgresql sqlite"
expect "autogen init --dialect=p" "--dialect=postgresql"
expect "autogen help rev" "revision"
expect "autogen template " "list render"
expect "autogen completion " "bash fish zsh"
includes "autogen check --" --offline --no-database --json --url --help
includes "autogen template render --" --context --trim-blocks --json
includes "autogen " upgrade check init help completion
# A command's own options belong to it only.
if [[ " $(candidates "autogen upgrade --") " == *" --offline "* ]]; then
    echo "FAIL: 'autogen upgrade --' offers check's --offline"
    failed=1
fi
# Where nothing is known (a folder for init), files.
includes "autogen init " autogen.fish
exit $failed
