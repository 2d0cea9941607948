// Statement shapes read from tokens (statement_shape.hpp).
#include "lint/statement_shape.hpp"

#include "support/sql_scanner.hpp"
#include "support/sql_type_names.hpp"
#include "support/text.hpp"

namespace autogen::lint {

std::string q(const std::string& name) { return support::quoted(name, '"'); }

bool has_sequence(const TokenRange& r, std::initializer_list<const char*> words) {
    for (std::size_t at = r.find_word(*words.begin()); at < r.size();
         at = r.find_word(*words.begin(), at + 1)) {
        std::size_t i = at;
        if (skip_words(r, i, words)) return true;
    }
    return false;
}

std::optional<AlterTable> read_alter_table(const TokenRange& r) {
    std::size_t i = 0;
    if (!skip_words(r, i, {"ALTER", "TABLE"})) return std::nullopt;
    skip_words(r, i, {"IF", "EXISTS"});
    skip_words(r, i, {"ONLY"});
    AlterTable alter;
    alter.table = read_name(r, i);
    if (alter.table.empty()) return std::nullopt;
    if (i < r.size() && r[i].is('*')) ++i;
    alter.actions = r.from(i).split_commas();
    return alter;
}

namespace {

bool constraint_word(const Token& t) {
    static const char* const words[] = {"NOT",     "NULL",      "DEFAULT", "CONSTRAINT",
                                        "PRIMARY", "UNIQUE",    "CHECK",   "REFERENCES",
                                        "COLLATE", "GENERATED", "USING"};
    for (const char* w : words)
        if (t.is(w)) return true;
    return false;
}

/// The one spelling of a type's words ("CHARACTER VARYING" -> "VARCHAR"), upper-case as
/// findings print them; a name that is no built-in type's (a quoted one) is kept as written.
/// float(p) keeps its words: its precision picks real or double precision.
std::string canonical_words(const std::string& words, const std::string& args) {
    const std::string lower = support::to_lower(words);
    if (!support::is_builtin_type_name(lower) || (lower == "float" && !args.empty())) return words;
    return support::to_upper(support::short_type_name(lower));
}

}  // namespace

std::string read_type(const TokenRange& r, std::size_t& i) {
    std::string words, args, suffix;
    int depth = 0;
    for (; i < r.size(); ++i) {
        const auto& t = r[i];
        if (depth == 0 && (constraint_word(t) || t.is(',') || t.is(')'))) break;
        if (t.is('(')) ++depth;
        if (depth > 0) {
            args += t.text;
        } else if (t.is('[') || t.is(']')) {
            suffix += t.text;
        } else {
            if (!words.empty()) words += ' ';
            words += t.kind == TokenKind::Name ? q(t.text) : t.upper;
        }
        if (t.is(')')) --depth;
    }
    return canonical_words(words, args) + args + suffix;
}

std::optional<CreateTable> read_create_table(const TokenRange& r) {
    std::size_t i = 0;
    if (!skip_words(r, i, {"CREATE"})) return std::nullopt;
    while (i < r.size() && (r[i].is("TEMP") || r[i].is("TEMPORARY") || r[i].is("UNLOGGED") ||
                            r[i].is("GLOBAL") || r[i].is("LOCAL")))
        ++i;
    if (!skip_words(r, i, {"TABLE"})) return std::nullopt;
    skip_words(r, i, {"IF", "NOT", "EXISTS"});
    CreateTable table;
    table.table = read_name(r, i);
    if (table.table.empty()) return std::nullopt;
    if (i >= r.size() || !r[i].is('(')) return table;  // CREATE TABLE ... AS
    // The parenthesised list: up to its closing parenthesis.
    std::size_t close = i + 1;
    for (int depth = 1; close < r.size(); ++close) {
        if (r[close].is('(')) ++depth;
        if (r[close].is(')') && --depth == 0) break;
    }
    TokenRange inside{r.begin + i + 1, r.begin + close};
    for (const auto& part : inside.split_commas()) {
        if (part.empty() || part[0].is("CONSTRAINT") || part[0].is("PRIMARY") ||
            part[0].is("UNIQUE") || part[0].is("CHECK") || part[0].is("FOREIGN") ||
            part[0].is("EXCLUDE") || part[0].is("LIKE"))
            continue;
        std::size_t j = 0;
        auto column = read_name(part, j);
        table.columns.emplace_back(column, read_type(part, j));
    }
    return table;
}

std::vector<std::string> read_drop_table(const TokenRange& r) {
    std::size_t i = 0;
    std::vector<std::string> names;
    if (!skip_words(r, i, {"DROP", "TABLE"})) return names;
    skip_words(r, i, {"IF", "EXISTS"});
    for (const auto& part : r.from(i).split_commas()) {
        std::size_t j = 0;
        auto name = read_name(part, j);
        if (!name.empty()) names.push_back(name);
    }
    return names;
}

LintFinding finding_at(const LintStatement& statement, std::string_view code, std::string message,
                       std::string fix) {
    auto f = make_finding(code, std::move(message), std::move(fix));
    f.line = statement.line;
    f.column = statement.column;
    auto text = statement.range().text();
    f.statement = text.size() > 120 ? text.substr(0, 117) + "..." : text;
    return f;
}

std::vector<std::string> created_tables(const std::vector<LintStatement>& statements) {
    std::vector<std::string> tables;
    for (const auto& s : statements)
        if (auto created = read_create_table(s.range())) tables.push_back(created->table);
    return tables;
}

}  // namespace autogen::lint
