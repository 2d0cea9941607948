#!/usr/bin/env bash
# The zsh completion script of `autogen completion zsh`: it parses (zsh -n), compinit
# in `zsh -f` loads it from $fpath without a word on stderr, and its _autogen function,
# run by real zsh, offers the right candidates. For that last part the completion
# system's builtins (compadd, _describe, _files, compset) are replaced by functions that
# print what they were given: the command-line walk and the tables are the script's own.
# Usage: zsh_completion_test.sh AUTOGEN
set -euo pipefail
autogen=$1
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
"$autogen" completion zsh >"$dir/_autogen"
zsh -n "$dir/_autogen"

errors=$(zsh -f -c "fpath=('$dir' \$fpath); autoload -Uz compinit; compinit -u -d '$dir/zcompdump';
  [[ \${_comps[autogen]} == _autogen ]] || print 'compinit did not register _autogen for autogen'
  autoload -Uz _autogen" 2>&1)
if [[ -n $errors ]]; then
    echo "FAIL: loading _autogen under compinit: $errors"
    exit 1
fi

zsh -f -s "$dir/_autogen" <<'ZSH'
# Stand-ins for the completion system: each prints its candidates, one per line.
compadd() { print -l -- "${(@)reply}" }
_describe() { local -a items=("${(@P)4}"); print -l -- "${(@)items%%:*}" }  # -t TAG DESCR ARRAY
_files() { print -- '<files>' }
compset() { cur=${cur#*=} }
compdef() { }
source "$1"
integer failed=0
# expect "WORDS" "EXPECTED": completing the last word of WORDS (a trailing space: a new
# word) offers exactly EXPECTED (sorted, space-separated); `_autogen` itself does not
# filter by prefix (compadd does), so EXPECTED is everything offered at that place.
expect() {
  local -a words=(${(z)1})
  [[ $1 == *' ' ]] && words+=('')
  integer CURRENT=$#words
  local got=$(_autogen | sort | xargs)
  if [[ $got != "$2" ]]; then
    print -- "FAIL: '$1' offers '$got', expected '$2'"
    failed=1
  fi
}
includes() {
  local -a words=(${(z)1})
  [[ $1 == *' ' ]] && words+=('')
  integer CURRENT=$#words
  local got=" $(_autogen | xargs) " name
  for name in ${@[2,-1]}; do
    if [[ $got != *" $name "* ]]; then
      print -- "FAIL: '$1' does not offer $name (got:$got)"
      failed=1
    fi
  done
}
expect 'autogen inspect ' 'db models'
expect 'autogen init --dialect ' 'postgresql sqlite'
expect 'autogen init --dialect=p' 'postgresql sqlite'
expect 'autogen template ' 'list render'
expect 'autogen completion ' 'bash fish zsh'
expect 'autogen show ' '<files>'
expect 'autogen inspect models ' '<files>'
includes 'autogen ' upgrade revision check init help completion template
includes 'autogen help ' upgrade revision inspect
includes 'autogen check --' --offline --no-database --json --url --help
includes 'autogen -c x.toml ' upgrade
exit $failed
ZSH
echo "zsh completion: all cases pass"
