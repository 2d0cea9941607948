// Unit tests of the lexer and parser: token kinds and positions, whitespace control
// at the token level, and the line:column that syntax errors are reported at.
#include "jinja/lexer.hpp"

#include <doctest/doctest.h>

#include "jinja/environment.hpp"
#include "jinja/parser.hpp"

using namespace autogen::codegen::jinja;

namespace {

/// Renders `source` and returns the first diagnostic's "file:line:col" (or "ok").
std::string error_at(const std::string& source, Options opt = {}) {
    Environment env({}, opt);
    autogen::support::Diagnostics diags;
    auto out = env.render_string(source, "t.j2", Value::object(), diags);
    if (out) return "ok";
    REQUIRE(!diags.items().empty());
    CHECK(diags.items()[0].category == autogen::support::Category::Template);
    return diags.items()[0].location.str();
}

std::string message_of(const std::string& source) {
    Environment env({});
    autogen::support::Diagnostics diags;
    auto out = env.render_string(source, "t.j2", Value::object(), diags);
    if (out || diags.items().empty()) return "";
    return diags.items()[0].message;
}

}  // namespace

TEST_CASE("tokens carry kinds and 1-based line:column") {
    auto toks = tokenize("ab\n{{ x.y|f(1, 'z') }}", "t", {});
    REQUIRE(toks.size() >= 4);
    CHECK(toks[0].type == Tok::Data);
    CHECK(toks[0].text == "ab\n");
    CHECK(toks[1].type == Tok::VarBegin);
    CHECK(toks[1].pos.line == 2);
    CHECK(toks[1].pos.column == 1);
    CHECK(toks[2].type == Tok::Name);
    CHECK(toks[2].text == "x");
    CHECK(toks[2].pos.column == 4);
    CHECK(toks.back().type == Tok::Eof);
    bool saw_string = false;
    for (const auto& t : toks)
        if (t.type == Tok::String) saw_string = t.text == "z";
    CHECK(saw_string);
}

TEST_CASE("numbers, operators and strings lex as Jinja does") {
    auto toks = tokenize("{{ 1.5e3 1_000 0x1f 'a\\nb' // ** != }}", "t", {});
    CHECK(toks[1].type == Tok::Float);
    CHECK(toks[2].type == Tok::Int);
    CHECK(toks[2].text == "1_000");
    CHECK(toks[3].type == Tok::Int);
    CHECK(toks[4].type == Tok::String);
    CHECK(toks[4].text == "a\nb");
    CHECK(toks[5].text == "//");
    CHECK(toks[6].text == "**");
    CHECK(toks[7].text == "!=");
}

TEST_CASE("a dict literal's closing braces do not end the tag") {
    auto toks = tokenize("{{ {'a': {'b': 1}} }}", "t", {});
    std::size_t ends = 0;
    for (const auto& t : toks) ends += t.type == Tok::VarEnd;
    CHECK(ends == 1);
}

TEST_CASE("whitespace control strips at the token level") {
    auto toks = tokenize("a \n {%- if x -%} \n b", "t", {});
    CHECK(toks[0].text == "a");
    CHECK(toks.back().type == Tok::Eof);
    CHECK(toks[toks.size() - 2].text == "b");
}

TEST_CASE("normalize_source turns every newline into \\n and eats one final newline") {
    CHECK(normalize_source("a\r\nb\rc\n\n", false) == "a\nb\nc\n");
    CHECK(normalize_source("a\r\n", true) == "a\n");
}

TEST_CASE("syntax errors name template, line and column") {
    CHECK(error_at("line one\n{{ x + }}") == "t.j2:2:8");
    CHECK(error_at("{% if true %}\nunclosed") == "t.j2:2:9");
    CHECK(error_at("\n\n  {% frobnicate %}") == "t.j2:3:6");
    CHECK(error_at("{{ 1 $ 2 }}") == "t.j2:1:6");
    CHECK(error_at("ab\n{# never closed") == "t.j2:2:1");
    CHECK(error_at("{{ (1 + 2 }}") == "t.j2:1:11");
    CHECK(error_at("{% for x in %}{% endfor %}") == "t.j2:1:13");
}

TEST_CASE("unknown filters and tests are reported where they are named") {
    CHECK(error_at("a\n  {{ x|foo }}") == "t.j2:2:8");
    CHECK(message_of("{{ x|foo }}") == "unknown filter 'foo'");
    CHECK(error_at("{{ 1 is nope }}") == "t.j2:1:9");
}

TEST_CASE("runtime errors point at the expression") {
    CHECK(error_at("\n{{ 1 / 0 }}") == "t.j2:2:6");
    CHECK(error_at("{{ missing.attr }}") == "t.j2:1:11");
    Options strict;
    strict.strict_undefined = true;
    CHECK(error_at("x\n{{ missing }}", strict) == "t.j2:2:4");
}

TEST_CASE("runaway templates fail instead of hanging or crashing") {
    CHECK(message_of("{% macro m() %}{{ m() }}{% endmacro %}{{ m() }}").find("recursion") !=
          std::string::npos);
    std::string deep(5000, '(');
    CHECK(error_at("{{ " + deep + " }}") != "ok");
    std::string nested;
    for (int i = 0; i < 1000; ++i) nested += "{% if true %}";
    CHECK(error_at(nested) != "ok");
    CHECK(error_at("{% for i in range(100000000) %}{% endfor %}") != "ok");
    CHECK(error_at("{{ 'x' * 1000000000 }}") != "ok");
}
