#!/usr/bin/env bash
# autogen(1) from `autogen help --man`: groff reads it without one warning (all warnings
# on), and the formatted page names every command and every global option that
# `autogen help` lists (read from that output, not from a list kept here).
# Usage: man_page_test.sh AUTOGEN
set -euo pipefail
autogen=$1
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
"$autogen" help --man >"$dir/autogen.1"
failed=0

warnings=$(groff -man -ww -z -Tutf8 "$dir/autogen.1" 2>&1)
if [[ -n $warnings ]]; then
    echo "FAIL: groff warns about autogen.1:"
    echo "$warnings"
    failed=1
fi
# The page as a reader sees it (hyphens as typed: \- is a minus sign).
text=$(groff -man -Tutf8 -P-cbou "$dir/autogen.1" 2>/dev/null | sed 's/\xe2\x88\x92/-/g')
for section in NAME SYNOPSIS DESCRIPTION "GLOBAL OPTIONS" COMMANDS "EXIT STATUS" ENVIRONMENT FILES "SEE ALSO"; do
    grep -q "^$section\$" <<<"$text" || { echo "FAIL: no $section section"; failed=1; }
done

help=$("$autogen" help)
# "Commands:" lines: two spaces, a name, two or more spaces, the summary.
commands=$(sed -n '/^Commands:/,/^$/p' <<<"$help" | sed -n 's/^  \([a-z-]*\)  .*/\1/p')
[[ $(wc -w <<<"$commands") -ge 10 ]] || { echo "FAIL: read too few commands from 'autogen help': $commands"; failed=1; }
for command in $commands; do
    grep -Eq "^ +autogen $command( |\$)" <<<"$text" || { echo "FAIL: the page has no heading for 'autogen $command'"; failed=1; }
done
# "Global options" lines: "  -c,--config TEXT  description".
options=$(sed -n '/^Global options/,/^$/p' <<<"$help" | sed -n 's/^  \(-[^ ]*\).*/\1/p' | tr ',' ' ')
[[ $(wc -w <<<"$options") -ge 5 ]] || { echo "FAIL: read too few global options from 'autogen help': $options"; failed=1; }
for option in $options; do
    grep -Eq -- "(^|[ ,])$option([ ,]|\$)" <<<"$text" || { echo "FAIL: the page does not mention $option"; failed=1; }
done
# Each command's example (autogen help COMMAND's "Example:" line) is on the page.
for command in $commands; do
    example=$("$autogen" help "$command" | sed -n '/^Example:/{n;s/^  //p}')
    [[ -z $example ]] && continue
    grep -Fq -- "$example" <<<"$text" || { echo "FAIL: the page lacks $command's example: $example"; failed=1; }
done
for env in DATABASE_URL NO_COLOR CI; do
    grep -Eq "^ +$env( |\$)" <<<"$text" || { echo "FAIL: ENVIRONMENT lacks $env"; failed=1; }
done
[[ $failed == 0 ]] && echo "man page: $(wc -w <<<"$commands") commands, $(wc -w <<<"$options") global options, no groff warning"
exit $failed
