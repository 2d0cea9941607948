// The escaping of text from files before it is printed or written into a SQL comment.
#include "support/printable_text.hpp"

#include <doctest/doctest.h>

#include "support/diagnostics.hpp"

using autogen::support::one_line_text;
using autogen::support::terminal_text;

TEST_CASE("one_line_text: controls become visible escapes, valid UTF-8 stays") {
    CHECK(one_line_text("add user phone") == "add user phone");
    CHECK(one_line_text("x\rDROP TABLE tags CASCADE; --") == "x\\rDROP TABLE tags CASCADE; --");
    CHECK(one_line_text("a\nb") == "a\\nb");
    CHECK(one_line_text(std::string("a\0b", 3)) == "a\\u0000b");
    CHECK(one_line_text("\x1b[2J\x1b]0;title\x07") == "\\u001b[2J\\u001b]0;title\\u0007");
    CHECK(one_line_text("del\x7f") == "del\\u007f");
    CHECK(one_line_text("tab\tkept") == "tab\tkept");
    // C1 controls (as UTF-8): NEL and CSI.
    CHECK(one_line_text("a\xc2\x85"
                        "b\xc2\x9b"
                        "c") == "a\\u0085b\\u009bc");
    // Line and paragraph separators, bidi overrides and isolates.
    CHECK(one_line_text("a\xe2\x80\xa8"
                        "b\xe2\x80\xa9"
                        "c") == "a\\u2028b\\u2029c");
    CHECK(one_line_text("\xe2\x80\xae"
                        "evil\xe2\x81\xa6") == "\\u202eevil\\u2066");
    // Valid UTF-8 of every length is kept byte for byte.
    const std::string kept =
        "caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80 \xe4\xb8\xad\xe6\x96\x87 \xc2\xa0";
    CHECK(one_line_text(kept) == kept);
    CHECK(one_line_text("") == "");
}

TEST_CASE("one_line_text: bytes that are not UTF-8 are shown as \\xNN") {
    CHECK(one_line_text("a\xff"
                        "b") == "a\\xffb");
    CHECK(one_line_text("\x80") == "\\x80");                             // stray continuation byte
    CHECK(one_line_text("\xc0\x8a") == "\\xc0\\x8a");                    // overlong line feed
    CHECK(one_line_text("\xed\xa0\x80") == "\\xed\\xa0\\x80");           // a surrogate
    CHECK(one_line_text("\xf4\x90\x80\x80") == "\\xf4\\x90\\x80\\x80");  // above U+10FFFF
    CHECK(one_line_text("end\xe2\x82") == "end\\xe2\\x82");              // truncated at the end
}

TEST_CASE("terminal_text keeps line feeds and tabs, escapes the rest") {
    CHECK(terminal_text("Rev: 1\nPath: a.sql\n") == "Rev: 1\nPath: a.sql\n");
    CHECK(terminal_text("a\r\nb\x1b[31m") == "a\\r\nb\\u001b[31m");
    CHECK(terminal_text("\t\xe2\x80\xa8") == "\t\\u2028");
}

TEST_CASE("a diagnostic's file name is one line") {
    autogen::support::Diagnostic d{autogen::support::Severity::Error,
                                   autogen::support::Category::MigrationFile,
                                   "bad revision",
                                   {"migrations/x\nerror: forged.sql", 3, 0},
                                   "fix it"};
    CHECK(autogen::support::format(d) ==
          "migrations/x\\nerror: forged.sql:3: error: bad revision\n  hint: fix it");
}
