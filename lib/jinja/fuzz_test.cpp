// Robustness: random token soup and random mutations of real templates must never
// crash, hang or throw out of the Environment; each render either succeeds or reports
// exactly one located Template diagnostic. Seeds are fixed, so failures reproduce.
#include <doctest/doctest.h>

#include <random>

#include "jinja/environment.hpp"

using autogen::codegen::jinja::Environment;
using autogen::codegen::jinja::Options;
using autogen::codegen::jinja::Value;

namespace {

const char* const kPieces[] = {
    "{{",       "}}",      "{%",        "%}",        "{#",      "#}",         "{%-",    "-%}",
    "{{-",      "-}}",     " ",         "\n",        "x",       "y",          "items",  "loop",
    "if",       "else",    "elif",      "endif",     "for",     "in",         "endfor", "set",
    "=",        "macro",   "endmacro",  "m",         "(",       ")",          "[",      "]",
    "{",        "}",       ",",         ":",         ".",       "|",          "join",   "default",
    "upper",    "length",  "is",        "not",       "defined", "none",       "1",      "0",
    "-1",       "2.5",     "'s'",       "\"t\"",     "+",       "-",          "*",      "/",
    "//",       "%",       "**",        "~",         "==",      "<",          "and",    "or",
    "raw",      "endraw",  "block",     "endblock",  "extends", "include",    "import", "as",
    "call",     "endcall", "caller",    "namespace", "range",   "ns",         "ns.a",   "with",
    "endwith",  "filter",  "endfilter", "super",     "self",    "'base.j2'",  "'x.j2'", "items()",
    "dictsort", "map",     "attribute", "sort",      "reverse", "selectattr", "indent", "format",
    "tojson",   "batch",   "slice",     "\\",        "'",       "\"",         "#",      "é",
};

std::string soup(std::mt19937& rng, std::size_t n) {
    std::uniform_int_distribution<std::size_t> pick(0, std::size(kPieces) - 1);
    std::string s;
    for (std::size_t i = 0; i < n; ++i) s += kPieces[pick(rng)];
    return s;
}

const char* const kSeeds[] = {
    "{% for k, v in d.items() %}{{ loop.index }}{{ k }}={{ v|default('x') }}{% else %}-{% endfor "
    "%}",
    "{% macro m(a, b=2) %}{{ a ~ b }}{{ caller() if caller is defined }}{% endmacro %}{{ m(1) }}{% "
    "call m(3) %}c{% endcall %}",
    "{% set ns = namespace(a=0) %}{% for i in range(3) %}{% set ns.a = ns.a + i %}{% endfor %}{{ "
    "ns.a }}",
    "{% if x is defined and x.y %}{{ x.y|join(', ')|upper|indent(2) }}{% elif z %}{{ z[1:] }}{% "
    "endif %}",
    "{{ {'a': [1, 2.5, none]}|tojson }} {{ items|selectattr('n')|map(attribute='n')|sort|list }}",
};

void check_one(const Environment& env, const std::string& source, const Value& ctx) {
    autogen::support::Diagnostics diags;
    auto out = env.render_string(source, "fuzz.j2", ctx, diags);
    if (!out) {
        REQUIRE(diags.items().size() == 1);
        CHECK(diags.items()[0].category == autogen::support::Category::Template);
        CHECK(!diags.items()[0].location.file.empty());
    } else {
        CHECK(diags.items().empty());
    }
}

}  // namespace

TEST_CASE("random templates never crash, hang or throw") {
    std::mt19937 rng(20261121);
    Value ctx =
        Value::parse(R"({"x": {"y": ["a", "b"]}, "z": "zz", "items": [{"n": 2}, {"n": 1}, {}],
                                 "d": {"k": 1, "j": [1, {"q": null}]}, "s": "text"})");
    Options strict;
    strict.strict_undefined = true;
    strict.trim_blocks = true;
    strict.lstrip_blocks = true;
    Environment envs[] = {Environment({}), Environment({}, strict)};
    for (int i = 0; i < 1500; ++i)
        check_one(envs[i % 2], soup(rng, 1 + static_cast<std::size_t>(i % 40)), ctx);
    // mutations of valid templates: delete, duplicate or swap a random span
    for (int i = 0; i < 1500; ++i) {
        std::string s = kSeeds[static_cast<std::size_t>(i) % std::size(kSeeds)];
        std::uniform_int_distribution<std::size_t> at(0, s.size() - 1);
        std::size_t a = at(rng), b = at(rng);
        if (a > b) std::swap(a, b);
        switch (i % 3) {
            case 0:
                s.erase(a, b - a);
                break;
            case 1:
                s.insert(a, s.substr(a, std::min<std::size_t>(b - a, 30)));
                break;
            default:
                std::swap(s[a], s[b]);
        }
        check_one(envs[i % 2], s, ctx);
    }
}
