#!/usr/bin/env bash
# The zsh completion script of `autogen completion zsh`: it parses (zsh -n), compinit
# in `zsh -f` loads it from $fpath without a word on stderr, and
#  - for real: an interactive zsh on a pseudo-terminal (zsh/zpty) with compinit gets a
#    command line and a Tab; the line it then holds is what completion made of it;
#  - every candidate: _autogen runs with the completion system's builtins (compadd,
#    _describe, _files, compset) replaced by functions that print what they were given,
#    so the lists where a Tab only shows a menu are checked too (the command-line walk
#    and the tables are the script's own).
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

# Each line, a Tab, then ^X: a widget appends the completed line to a file. One line at a
# time, waiting for the last to arrive (at most 5 s each; `timeout` bounds the whole).
timeout 60 zsh -f -s "$dir" <<'ZSH' >"$dir/completed"
zmodload zsh/zpty
dir=$1
out=$dir/buffers
: >$out
zpty shell 'zsh -f -i'
zpty -w shell "fpath=($dir \$fpath); autoload -Uz compinit; compinit -u -d $dir/zcompdump
save-buffer() { print -r -- \"\$BUFFER\" >>$out; BUFFER=''; zle accept-line }
zle -N save-buffer; bindkey '^X' save-buffer"
lines=(
  'autogen insp'
  'autogen init --dia'
  'autogen init --dialect po'
  'autogen help revi'
  'autogen template re'
  'autogen check --off'
  'autogen completion fi'
  'autogen -c x.toml upg'
)
integer n=0 i
for l in $lines; do
  zpty -w -n shell "$l"$'\t\C-x'
  (( n++ ))
  for ((i = 0; i < 100; i++)); do
    (( $(wc -l <$out) >= n )) && break
    sleep 0.05
  done
done
zpty -w shell exit
zpty -d shell
cat $out
ZSH
expected='autogen inspect 
autogen init --dialect 
autogen init --dialect postgresql 
autogen help revision 
autogen template render 
autogen check --offline 
autogen completion fish 
autogen -c x.toml upgrade '
if [[ $(cat "$dir/completed") != "$expected" ]]; then
    echo "FAIL: a Tab in an interactive zsh completed the lines to:"
    cat "$dir/completed"
    echo "expected:"
    echo "$expected"
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
