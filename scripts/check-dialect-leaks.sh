#!/usr/bin/env bash
# check-dialect-leaks.sh [ROOT] — fails (exit 1, file:line and a hint) when generic code
# names a dialect or touches a dialect-only field. Generic code may differ between
# databases only through the Dialect seam (lib/dialect/dialect.hpp, diff::DiffRules,
# codegen::Planner, introspect::Inspector ...), so that a third dialect is a list of new
# files and no edit here. Fast (a perl pass over the sources), needs no build.
#
# Where it looks (generic code): lib/schema, lib/diff, lib/migrate, lib/pipeline (when
# present) and tools/autogen; *.cpp, *.hpp, *.h. Not checked there:
#   - lib/diff/<dialect>_rules.{hpp,cpp} (any *_rules.* but diff_rules.hpp): the
#     per-dialect answers of DiffRules, so a new dialect's file needs no edit here;
#   - unit tests (*_test.cpp) and test fixtures (*test_fixtures.hpp): they run against
#     real databases (no mocks), so they pick dialects by name.
# What counts: the code with its comments removed (// and /* */), string literals kept.
# Comments may name a database as an example; code and strings may not, except the
# prose spellings "SQLite" and "PostgreSQL" (user-facing text for humans, which code
# cannot branch on). Matched, case-sensitively:
#   - sqlite, postgres (also postgresql), mysql, mariadb, duckdb: identifiers
#     (sqlite_path, make_postgres_rules, sqlite::), dialect names and URL schemes in
#     literals ("sqlite", "postgresql://");
#   - Sqlite, Postgres (not PostgreSQL), Mysql, SQLITE, POSTGRES: type and macro names;
#   - libpq, pg_ at the start of a word, PQ followed by a lower-case letter: the
#     PostgreSQL client library and catalogs;
#   - dialect_options used beyond a copy (subscript, find, at, count, contains, emplace,
#     insert, erase): its keys belong to the dialect that owns them.
# A line may carry "// dialect-leak-guard: allow (why)", or follow a comment line that
# does, when its match is text for the user that no code branches on (a help example
# naming a real dialect); use sparingly.
# The hint names the fix: ask the Dialect (or DiffRules, Planner ...) a question, or move
# the code into the dialect's own file.
set -euo pipefail

root=${1:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}
cd "$root"

dirs=()
for d in lib/schema lib/diff lib/migrate lib/pipeline tools/autogen; do
    [[ -d $d ]] && dirs+=("$d")
done
[[ ${#dirs[@]} -gt 0 ]] || { echo "check-dialect-leaks: no generic folders under $root" >&2; exit 2; }

mapfile -t files < <(find "${dirs[@]}" -type f \( -name '*.cpp' -o -name '*.hpp' -o -name '*.h' \) \
    ! -name '*_test.cpp' ! -name '*test_fixtures.hpp' \
    ! \( -path 'lib/diff/*_rules.*' ! -name 'diff_rules.hpp' \) | LC_ALL=C sort)
[[ ${#files[@]} -gt 0 ]] || exit 0

perl -e '
use strict; use warnings;
my $pattern = qr{
    (sqlite|postgres|mysql|mariadb|duckdb
    |Sqlite|Postgres(?!QL)|Mysql|SQLITE|POSTGRES
    |libpq|\bpg_|\bPQ[a-z]
    |dialect_options\s*(?:\[|\.\s*(?:find|at|count|contains|emplace|insert|erase|try_emplace)\b))
}x;
my $found = 0;
for my $file (@ARGV) {
    open(my $fh, "<", $file) or die "$file: $!";
    my $in_block = 0;     # inside /* ... */
    my $raw_end;          # inside a raw string: its closing )delim"
    my $n = 0;
    my $allow_next = 0;   # the line before was a comment that allows this one
    while (my $line = <$fh>) {
        $n++;
        my $code = "";
        my $i = 0;
        my $len = length $line;
        while ($i < $len) {
            if ($in_block) {
                my $end = index($line, "*/", $i);
                if ($end < 0) { $i = $len; last; }
                $i = $end + 2; $in_block = 0; $code .= " ";
                next;
            }
            if (defined $raw_end) {
                my $end = index($line, $raw_end, $i);
                if ($end < 0) { $code .= substr($line, $i); $i = $len; last; }
                $code .= substr($line, $i, $end + length($raw_end) - $i);
                $i = $end + length $raw_end; undef $raw_end;
                next;
            }
            my $rest = substr($line, $i);
            if ($rest =~ m{^//}) { last; }
            if ($rest =~ m{^/\*}) { $in_block = 1; $i += 2; next; }
            if ($rest =~ m{^R"([^(\s]*)\(}) { $raw_end = ")$1\""; $code .= substr($rest, 0, length($1) + 3); $i += length($1) + 3; next; }
            if ($rest =~ m{^("(?:[^"\\]|\\.)*"?)}) { $code .= $1; $i += length $1; next; }
            if ($rest =~ m{^(\x27(?:[^\x27\\]|\\.)*\x27)}) { $code .= $1; $i += length $1; next; }
            $code .= substr($line, $i, 1); $i++;
        }
        my $allowed = $allow_next || $line =~ m{//.*dialect-leak-guard: allow};
        $allow_next = $line =~ m{^\s*//.*dialect-leak-guard: allow};
        if ($code =~ $pattern && !$allowed) {
            my $what = $1;
            my $text = $line; $text =~ s/^\s+|\s+$//g;
            print "$file:$n: dialect leak \x27$what\x27 in generic code: $text\n";
            $found++;
        }
    }
    close $fh;
}
if ($found) {
    print STDERR "check-dialect-leaks: $found line(s) of generic code name a dialect or read a dialect-only field.\n",
        "hint: ask the dialect instead (lib/dialect/dialect.hpp, diff::DiffRules, codegen::Planner, introspect::Inspector),\n",
        "      or move the code into that dialect\x27s own file (<dialect>_*.cpp); see the rule at the top of\n",
        "      scripts/check-dialect-leaks.sh\n";
    exit 1;
}
' "${files[@]}"
