// sequence_declaration() (sequence_declaration.hpp).
#include "pipeline/sequence_declaration.hpp"

#include <charconv>
#include <set>

#include "schema/sequence.hpp"

namespace autogen::pipeline {

namespace {

using support::Category;
using support::SourceLocation;

constexpr const char* kForm =
    "CREATE SEQUENCE [IF NOT EXISTS] [schema.]name [AS smallint | integer | bigint] [INCREMENT "
    "[BY] n] [MINVALUE n | NO MINVALUE] [MAXVALUE n | NO MAXVALUE] [START [WITH] n] [CACHE n] "
    "[[NO] CYCLE]";

/// A signed integer at r[i] (a '-' or '+' and a number), advancing past it; nullopt if none.
std::optional<std::int64_t> read_integer(const support::TokenRange& r, std::size_t& i) {
    std::size_t k = i;
    bool negative = false;
    if (k < r.size() && (r[k].is('-') || r[k].is('+'))) negative = r[k++].is('-');
    if (k >= r.size() || r[k].kind != support::TokenKind::Number) return std::nullopt;
    std::int64_t v = 0;
    const std::string digits = (negative ? "-" : "") + r[k].text;
    auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), v);
    if (ec != std::errc() || end != digits.data() + digits.size()) return std::nullopt;
    i = k + 1;
    return v;
}

}  // namespace

std::optional<schema::SqlObject> sequence_declaration(const support::TokenRange& r, std::size_t i,
                                                      const std::string& sql,
                                                      const SourceLocation& at,
                                                      support::Diagnostics& diags) {
    schema::SqlObject o{.kind = schema::ObjectKind::Sequence};
    support::skip_words(r, i, {"IF", "NOT", "EXISTS"});
    const auto parts = support::read_name_parts(r, i);
    if (parts.empty() || parts.size() > 2) {
        diags.error(Category::Model, "sequence name expected after \"CREATE SEQUENCE\"", at,
                    std::string("write ") + kForm);
        return std::nullopt;
    }
    o.name = parts.back();
    if (parts.size() == 2) o.schema = parts.front();
    schema::SequenceFacts facts;
    auto here = [&](std::size_t k) { return SourceLocation{at.file, r[k].line, r[k].column}; };
    auto bad = [&](std::size_t k, const std::string& message, const std::string& hint) {
        diags.error(Category::Model, message, here(k), hint);
        return std::nullopt;
    };
    auto number = [&](std::size_t k, std::optional<std::int64_t>& into, const char* what) -> bool {
        std::size_t j = i;
        auto v = read_integer(r, j);
        if (!v) {
            diags.error(
                Category::Model,
                std::string(what) + " of sequence " + o.qualified_name() + " needs an integer",
                here(k < r.size() ? k : r.size() - 1), std::string("write ") + kForm);
            return false;
        }
        into = v;
        i = j;
        return true;
    };
    std::set<std::string> seen;  // each option once ("conflicting or redundant options")
    while (i < r.size()) {
        const std::size_t k = i;
        const std::string option =
            r[i].upper == "NO" && i + 1 < r.size() ? r[i + 1].upper : r[i].upper;
        if (r[i].kind == support::TokenKind::Word && !seen.insert(option).second)
            return bad(k, option + " is written twice in CREATE SEQUENCE " + o.qualified_name(),
                       "keep one of them");
        if (r[i].is("AS")) {
            ++i;
            auto type = i < r.size() ? schema::sequence_type(r[i].text) : std::nullopt;
            if (!type)
                return bad(k, "a sequence is AS smallint, integer or bigint",
                           "write AS smallint, AS integer or AS bigint (the default)");
            facts.type = *type;
            ++i;
        } else if (r[i].is("INCREMENT")) {
            ++i;
            support::skip_words(r, i, {"BY"});
            if (!number(i, facts.options.increment, "INCREMENT")) return std::nullopt;
            if (*facts.options.increment == 0)
                return bad(k, "INCREMENT of sequence " + o.qualified_name() + " cannot be zero",
                           "write INCREMENT BY 1, or -1 for a descending sequence");
        } else if (support::skip_words(r, i, {"NO", "MINVALUE"}) ||
                   support::skip_words(r, i, {"NO", "MAXVALUE"}) ||
                   support::skip_words(r, i, {"NO", "CYCLE"})) {
            // the defaults, which the facts take when an option is left out
        } else if (r[i].is("MINVALUE")) {
            ++i;
            if (!number(i, facts.options.minvalue, "MINVALUE")) return std::nullopt;
        } else if (r[i].is("MAXVALUE")) {
            ++i;
            if (!number(i, facts.options.maxvalue, "MAXVALUE")) return std::nullopt;
        } else if (r[i].is("START")) {
            ++i;
            support::skip_words(r, i, {"WITH"});
            if (!number(i, facts.options.start, "START")) return std::nullopt;
        } else if (r[i].is("CACHE")) {
            ++i;
            if (!number(i, facts.options.cache, "CACHE")) return std::nullopt;
            if (*facts.options.cache < 1)
                return bad(k, "CACHE of sequence " + o.qualified_name() + " must be at least 1",
                           "write CACHE 1 (the default) or more");
        } else if (r[i].is("CYCLE")) {
            ++i;
            facts.options.cycle = true;
        } else if (support::skip_words(r, i, {"OWNED", "BY"})) {
            return bad(k,
                       "sequence " + o.qualified_name() +
                           " is OWNED BY a column, which autogen does not model",
                       "make the column an identity column (AUTOGEN_COLUMN(identity, "
                       "identity_start = ...)), whose sequence is the column's; or drop OWNED BY");
        } else {
            return bad(
                k,
                "\"" + r[i].text + "\" is not an option of CREATE SEQUENCE " + o.qualified_name(),
                std::string("write ") + kForm);
        }
    }
    o.sql = sql;
    set_sequence_facts(o, std::move(facts));
    o.location = at;
    return o;
}

}  // namespace autogen::pipeline
