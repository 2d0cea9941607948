#!/usr/bin/env bash
# The bash completion script of `autogen completion bash`, driven for real: sourced in a
# `bash --norc` without bash-completion, its _autogen function is called with
# COMP_WORDS/COMP_CWORD as bash's programmable completion sets them.
# Usage: bash_completion_test.sh AUTOGEN
set -euo pipefail
autogen=$1
script=$(mktemp)
trap 'rm -f "$script"' EXIT
"$autogen" completion bash >"$script"

bash --norc -s "$script" <<'SH'
set -u
source "$1"
failed=0
# expect WORDS... :: EXPECTED...: completing the last word gives exactly EXPECTED (sorted).
expect() {
    local words=() want=()
    while [[ $1 != :: ]]; do words+=("$1"); shift; done
    shift
    want=("$@")
    COMP_WORDS=("${words[@]}")
    COMP_CWORD=$((${#words[@]} - 1))
    COMPREPLY=()
    _autogen
    local got
    got=$(printf '%s\n' "${COMPREPLY[@]}" | sort | xargs)
    local expected
    expected=$(printf '%s\n' "${want[@]}" | sort | xargs)
    if [[ $got != "$expected" ]]; then
        echo "FAIL: '${words[*]}' completes to '$got', expected '$expected'"
        failed=1
    fi
}
# includes WORDS... :: NAMES...: completing the last word offers at least NAMES.
includes() {
    local words=()
    while [[ $1 != :: ]]; do words+=("$1"); shift; done
    shift
    COMP_WORDS=("${words[@]}")
    COMP_CWORD=$((${#words[@]} - 1))
    COMPREPLY=()
    _autogen
    local name
    for name in "$@"; do
        if [[ " ${COMPREPLY[*]} " != *" $name "* ]]; then
            echo "FAIL: '${words[*]}' does not offer $name (got: ${COMPREPLY[*]})"
            failed=1
        fi
    done
}

complete -p autogen | grep -q -- '-F _autogen' || { echo "FAIL: no 'complete -F _autogen autogen'"; failed=1; }
expect autogen up :: upgrade
expect autogen inspect '' :: models db
expect autogen init --dialect '' :: sqlite postgresql
expect autogen init --dialect = post :: postgresql
expect autogen --url x init --dialect s :: sqlite
expect autogen help rev :: revision
expect autogen template '' :: list render
expect autogen completion '' :: bash zsh fish
expect autogen h :: hash heads help history
includes autogen check -- :: --offline --no-database --json --url --help
includes autogen template render --k :: --keep-trailing-newline
includes autogen -c autogen.toml '' :: upgrade check init help
# After the command's subcommand or positional, no more commands are offered.
expect autogen inspect models '' ::
expect autogen show '' ::
exit $failed
SH
echo "bash completion: all cases pass"

# With --json the script is the one document's result.script, unchanged, and the document
# has the shape docs/json-schema/ gives it (when python3-jsonschema is there to say so).
schema=$(dirname "$0")/../../docs/json-schema/autogen.schema.json
"$autogen" --json completion bash | /usr/bin/python3 -c '
import json, sys
document = json.load(sys.stdin)
script = open(sys.argv[1], encoding="utf-8").read()
assert document["command"] == "completion" and document["exit_code"] == 0, document
assert document["result"] == {"shell": "bash", "script": script}, "result.script differs from the plain output"
try:
    import jsonschema
except ImportError:
    sys.exit(0)
jsonschema.validate(document, json.load(open(sys.argv[2], encoding="utf-8")))
' "$script" "$schema"
echo "bash completion: the --json document holds the same script"
