#include "support/sql_scanner.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using autogen::support::quoted;
using autogen::support::quoted_span_at;
using autogen::support::SqlQuoting;
using autogen::support::SqlScanner;
using autogen::support::SqlSpanKind;
using autogen::support::unquoted;

namespace {

/// The spans of `sql` written compactly: one "K:text" per span, '!' after K when
/// unterminated (K: c code, s string, i quoted identifier, l line comment, b block
/// comment, d dollar-quoted).
std::string spans(std::string_view sql, const SqlQuoting& quoting) {
    std::string out;
    SqlScanner scanner(sql, quoting);
    std::size_t expected_begin = 0;
    while (auto span = scanner.next()) {
        CHECK(span->begin == expected_begin);  // the spans tile the text
        CHECK(span->end > span->begin);
        CHECK(span->text == sql.substr(span->begin, span->end - span->begin));
        expected_begin = span->end;
        const char* kind = "c";
        switch (span->kind) {
            case SqlSpanKind::Code:
                kind = "c";
                break;
            case SqlSpanKind::String:
                kind = "s";
                break;
            case SqlSpanKind::QuotedIdentifier:
                kind = "i";
                break;
            case SqlSpanKind::LineComment:
                kind = "l";
                break;
            case SqlSpanKind::BlockComment:
                kind = "b";
                break;
            case SqlSpanKind::DollarQuoted:
                kind = "d";
                break;
        }
        if (!out.empty()) out += " | ";
        out += std::string(kind) + (span->terminated ? "" : "!") + ":" + std::string(span->text);
    }
    CHECK(expected_begin == sql.size());
    return out;
}

struct Case {
    const char* name;
    const char* sql;
    const char* sqlite;      ///< spans with SqlQuoting::sqlite()
    const char* postgresql;  ///< spans with SqlQuoting::postgresql()
};

}  // namespace

TEST_CASE("SqlScanner: spans for SQLite and PostgreSQL quoting") {
    const std::vector<Case> cases = {
        {"empty text", "", "", ""},
        {"plain code", "SELECT 1;", "c:SELECT 1;", "c:SELECT 1;"},
        {"string", "a = 'x;y';", "c:a =  | s:'x;y' | c:;", "c:a =  | s:'x;y' | c:;"},
        {"doubled quote stays inside", "'it''s' x", "s:'it''s' | c: x", "s:'it''s' | c: x"},
        {"quoted identifier", "\"a\"\"b\".c", "i:\"a\"\"b\" | c:.c", "i:\"a\"\"b\" | c:.c"},
        {"backticks and brackets are SQLite's", "`a` [b c]", "i:`a` | c:  | i:[b c]",
         "c:`a` [b c]"},
        {"a bracket does not escape by doubling", "[a]]b]", "i:[a] | c:]b]", "c:[a]]b]"},
        {"line comment stops before the newline", "a -- ; x\nb", "c:a  | l:-- ; x | c:\nb",
         "c:a  | l:-- ; x | c:\nb"},
        {"line comment at the end", "a --", "c:a  | l:--", "c:a  | l:--"},
        {"block comment", "a /* ; */ b", "c:a  | b:/* ; */ | c: b", "c:a  | b:/* ; */ | c: b"},
        {"nested block comment (PostgreSQL only)", "/* a /* b */ c */ d",
         "b:/* a /* b */ | c: c */ d", "b:/* a /* b */ c */ | c: d"},
        {"unterminated nested comment", "/* a /* b */", "b:/* a /* b */", "b!:/* a /* b */"},
        {"unterminated block comment", "a /* b", "c:a  | b!:/* b", "c:a  | b!:/* b"},
        {"unterminated string", "x 'abc", "c:x  | s!:'abc", "c:x  | s!:'abc"},
        {"unterminated after a doubled quote", "'ab''", "s!:'ab''", "s!:'ab''"},
        {"unterminated identifier", "\"ab", "i!:\"ab", "i!:\"ab"},
        {"unterminated bracket", "[ab", "i!:[ab", "c:[ab"},
        {"E string escapes with a backslash (PostgreSQL)", "E'it\\'s' x",
         "c:E | s:'it\\' | c:s | s!:' x", "c:E | s:'it\\'s' | c: x"},
        {"lower-case e string", "e'\\\\' x", "c:e | s:'\\\\' | c: x", "c:e | s:'\\\\' | c: x"},
        {"a word ending in E is no E string", "TYPE'\\' x'", "c:TYPE | s:'\\' | c: x | s!:'",
         "c:TYPE | s:'\\' | c: x | s!:'"},
        {"dollar quote (PostgreSQL)", "$$a;'b$$;", "c:$$a; | s!:'b$$;", "d:$$a;'b$$ | c:;"},
        {"tagged dollar quote", "$f$ $$ $f$ x", "c:$f$ $$ $f$ x", "d:$f$ $$ $f$ | c: x"},
        {"unterminated dollar quote", "$t$ abc", "c:$t$ abc", "d!:$t$ abc"},
        {"a parameter is no dollar quote", "$1 + $2$", "c:$1 + $2$", "c:$1 + $2$"},
        {"a lone dollar is code", "a$ b", "c:a$ b", "c:a$ b"},
        {"comment marks inside a string", "'--' '/*'", "s:'--' | c:  | s:'/*'",
         "s:'--' | c:  | s:'/*'"},
        {"quotes inside a comment", "-- it's\n'x'", "l:-- it's | c:\n | s:'x'",
         "l:-- it's | c:\n | s:'x'"},
        {"a single minus or slash is code", "a - b / c", "c:a - b / c", "c:a - b / c"},
        {"adjacent spans", "'a'\"b\"/**/--", "s:'a' | i:\"b\" | b:/**/ | l:--",
         "s:'a' | i:\"b\" | b:/**/ | l:--"},
    };
    for (const auto& c : cases) {
        SUBCASE(c.name) {
            CHECK(spans(c.sql, SqlQuoting::sqlite()) == c.sqlite);
            CHECK(spans(c.sql, SqlQuoting::postgresql()) == c.postgresql);
        }
    }
}

TEST_CASE("SqlScanner: narrower quoting options") {
    SUBCASE("quotes_only: -- and /* are code") {
        CHECK(spans("a--b /* 'c' */", SqlQuoting::quotes_only()) == "c:a--b /*  | s:'c' | c: */");
    }
    SUBCASE("without doubled quotes, a doubled quote ends one string and starts the next") {
        SqlQuoting q = SqlQuoting::quotes_only();
        q.doubled_quotes = false;
        CHECK(spans("'it''s'", q) == "s:'it' | s:'s'");
    }
    SUBCASE("double quotes only") {
        SqlQuoting q;
        q.single_quotes = false;
        q.comments = false;
        CHECK(spans("'a' \"b\"", q) == "c:'a'  | i:\"b\"");
    }
}

TEST_CASE("quoted_span_at finds the span starting at a position, nothing in code") {
    const std::string sql = "x = 'a' -- c";
    CHECK_FALSE(quoted_span_at(sql, 0, SqlQuoting::sqlite()));
    CHECK_FALSE(quoted_span_at(sql, 99, SqlQuoting::sqlite()));
    auto s = quoted_span_at(sql, 4, SqlQuoting::sqlite());
    REQUIRE(s);
    CHECK(s->kind == SqlSpanKind::String);
    CHECK(s->begin == 4);
    CHECK(s->end == 7);
    auto c = quoted_span_at(sql, 8, SqlQuoting::sqlite());
    REQUIRE(c);
    CHECK(c->kind == SqlSpanKind::LineComment);
    CHECK(c->end == sql.size());
}

TEST_CASE("unquoted: delimiters off, doubled quotes undone") {
    auto inside = [](std::string_view sql, const SqlQuoting& q = SqlQuoting::sqlite()) {
        auto span = quoted_span_at(sql, 0, q);
        REQUIRE(span);
        return unquoted(*span);
    };
    CHECK(inside("'it''s'") == "it's");
    CHECK(inside("\"a\"\"b\"") == "a\"b");
    CHECK(inside("`a``b`") == "a`b");
    CHECK(inside("[a]") == "a");
    CHECK(inside("''") == "");
    CHECK(inside("'ab") == "ab");     // unterminated: nothing to take off the end
    CHECK(inside("'ab''") == "ab'");  // unterminated after a doubled quote
    CHECK(inside("'") == "");
}

TEST_CASE("quoted doubles the quote inside, and unquoted undoes it") {
    CHECK(quoted("it's", '\'') == "'it''s'");
    CHECK(quoted("a\"b", '"') == "\"a\"\"b\"");
    CHECK(quoted("", '\'') == "''");
    CHECK(quoted("''", '\'') == "''''''");
    for (std::string text : {"plain", "it's", "''", "a\"b\"", ""}) {
        for (char q : {'\'', '"', '`'}) {
            std::string sql = quoted(text, q);
            auto span = quoted_span_at(sql, 0, SqlQuoting::sqlite());
            REQUIRE(span);
            CHECK(span->end == sql.size());
            CHECK(unquoted(*span) == text);
        }
    }
}
