// A small tokenizer and recursive reader for SQLite's stored CREATE TABLE / INDEX text.
#include "introspect/sqlite_sql_parser.hpp"

#include <cctype>

#include "support/sql_scanner.hpp"
#include "support/text.hpp"

namespace autogen::introspect::sqlite {

namespace {

struct Token {
    enum class Kind { Word, Quoted, String, Number, Punct };
    Kind kind;
    std::string_view text;
    std::size_t begin;
    std::size_t end;
};

/// A blob's hex digits hold no quote, so its literal ends at the next one.
const support::SqlQuoting kBlobQuoting = [] {
    support::SqlQuoting q = support::SqlQuoting::quotes_only();
    q.double_quotes = false;
    q.doubled_quotes = false;
    return q;
}();

/// The tokens of `s`, in a buffer each thread reuses (valid until its next call): an
/// inspection parses a statement per table, and a fresh vector each time costs more in
/// the allocator than the tokenizing itself.
const std::vector<Token>& tokenize(std::string_view s) {
    thread_local std::vector<Token> out;
    out.clear();
    std::size_t i = 0;
    auto is_word = [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '$' || (c & 0x80);
    };
    while (i < s.size()) {
        char c = s[i];
        std::size_t b = i;
        if (std::isspace(static_cast<unsigned char>(c))) {
            ++i;
            continue;
        }
        Token::Kind kind;
        if (auto span = support::quoted_span_at(s, i, support::SqlQuoting::sqlite())) {
            i = span->end;
            if (span->kind == support::SqlSpanKind::LineComment ||
                span->kind == support::SqlSpanKind::BlockComment)
                continue;
            kind = span->kind == support::SqlSpanKind::String ? Token::Kind::String
                                                              : Token::Kind::Quoted;
        } else if (std::isdigit(static_cast<unsigned char>(c))) {
            while (i < s.size() && (is_word(s[i]) || s[i] == '.')) ++i;
            kind = Token::Kind::Number;
        } else if (is_word(c)) {
            while (i < s.size() && is_word(s[i])) ++i;
            // X'..' blob literal
            if (i - b == 1 && (c == 'x' || c == 'X') && i < s.size() && s[i] == '\'') {
                i = support::quoted_span_at(s, i, kBlobQuoting)->end;
                kind = Token::Kind::String;
            } else {
                kind = Token::Kind::Word;
            }
        } else {
            ++i;
            kind = Token::Kind::Punct;
        }
        if (i > s.size()) i = s.size();
        out.push_back({kind, s.substr(b, i - b), b, i});
    }
    return out;
}

bool is_kw(const Token& t, std::string_view kw) {
    if (t.kind != Token::Kind::Word || t.text.size() != kw.size()) return false;
    for (std::size_t i = 0; i < kw.size(); ++i)
        if (std::toupper(static_cast<unsigned char>(t.text[i])) != kw[i]) return false;
    return true;
}

bool is_punct(const Token& t, char c) {
    return t.kind == Token::Kind::Punct && t.text.size() == 1 && t.text[0] == c;
}

/// Index of the ')' closing the '(' at `open`, or toks.size().
std::size_t closing(const std::vector<Token>& toks, std::size_t open) {
    int depth = 0;
    for (std::size_t i = open; i < toks.size(); ++i) {
        if (is_punct(toks[i], '('))
            ++depth;
        else if (is_punct(toks[i], ')') && --depth == 0)
            return i;
    }
    return toks.size();
}

/// Splits toks[begin, end) at top-level commas into [begin, end) ranges.
std::vector<std::pair<std::size_t, std::size_t>> split_commas(const std::vector<Token>& toks,
                                                              std::size_t begin, std::size_t end) {
    std::vector<std::pair<std::size_t, std::size_t>> out;
    int depth = 0;
    std::size_t start = begin;
    for (std::size_t i = begin; i < end; ++i) {
        if (is_punct(toks[i], '('))
            ++depth;
        else if (is_punct(toks[i], ')'))
            --depth;
        else if (depth == 0 && is_punct(toks[i], ',')) {
            out.emplace_back(start, i);
            start = i + 1;
        }
    }
    if (start < end) out.emplace_back(start, end);
    return out;
}

/// Column names of "(a, b COLLATE x DESC, ...)" starting at the '(' toks[open].
std::vector<std::string> name_list(const std::vector<Token>& toks, std::size_t open,
                                   std::size_t& after) {
    std::vector<std::string> names;
    std::size_t close = closing(toks, open);
    for (auto [b, e] : split_commas(toks, open + 1, close))
        if (b < e) names.push_back(unquote_identifier(toks[b].text));
    after = close + 1;
    return names;
}

/// The text between the parentheses opened at toks[open].
std::string paren_text(std::string_view sql, const std::vector<Token>& toks, std::size_t open,
                       std::size_t& after) {
    std::size_t close = closing(toks, open);
    after = close + 1;
    if (close >= toks.size()) return support::trimmed(sql.substr(toks[open].end));
    return support::trimmed(sql.substr(toks[open].end, toks[close].begin - toks[open].end));
}

bool is_column_constraint_start(const Token& t) {
    for (const char* kw : {"CONSTRAINT", "PRIMARY", "NOT", "NULL", "UNIQUE", "CHECK", "DEFAULT",
                           "COLLATE", "REFERENCES", "GENERATED", "AS"})
        if (is_kw(t, kw)) return true;
    return false;
}

/// Skips "ON DELETE|UPDATE|CONFLICT <action>" starting at toks[i] (an ON); returns the next index.
std::size_t skip_on_clause(const std::vector<Token>& toks, std::size_t i, std::size_t end) {
    i += 2;  // ON + DELETE/UPDATE/CONFLICT
    if (i < end && (is_kw(toks[i], "SET") || is_kw(toks[i], "NO"))) return i + 2;
    return i + 1;
}

/// Reads REFERENCES t [(cols)] and its actions starting at toks[i] (the REFERENCES).
std::size_t read_references(const std::vector<Token>& toks, std::size_t i, std::size_t end,
                            ParsedConstraint& fk) {
    ++i;
    if (i < end) fk.ref_table = unquote_identifier(toks[i++].text);
    if (i < end && is_punct(toks[i], '(')) name_list(toks, i, i);
    while (i < end) {
        if (is_kw(toks[i], "ON"))
            i = skip_on_clause(toks, i, end);
        else if (is_kw(toks[i], "MATCH"))
            i += 2;
        else if (is_kw(toks[i], "NOT") && i + 1 < end && is_kw(toks[i + 1], "DEFERRABLE")) {
            fk.deferrable = false;
            i += 2;
        } else if (is_kw(toks[i], "DEFERRABLE")) {
            fk.deferrable = true;
            ++i;
        } else if (is_kw(toks[i], "INITIALLY") && i + 1 < end) {
            // Only a DEFERRABLE key defers (SQLite and PostgreSQL alike).
            fk.initially_deferred = fk.deferrable && is_kw(toks[i + 1], "DEFERRED");
            i += 2;
        } else {
            break;
        }
    }
    return i;
}

void read_column(std::string_view sql, const std::vector<Token>& toks, std::size_t b, std::size_t e,
                 ParsedTable& t) {
    ParsedColumn col{.name = unquote_identifier(toks[b].text)};
    std::size_t i = b + 1;
    while (i < e && !is_column_constraint_start(toks[i])) {
        if (is_punct(toks[i], '(')) i = closing(toks, i);
        ++i;
    }
    std::string name;  // of the next constraint, from CONSTRAINT <name>
    while (i < e) {
        const Token& k = toks[i];
        if (is_kw(k, "CONSTRAINT")) {
            if (i + 1 < e) name = unquote_identifier(toks[i + 1].text);
            i += 2;
            continue;
        }
        if (is_kw(k, "PRIMARY")) {
            t.constraints.push_back({ParsedConstraint::Kind::PrimaryKey, name, {col.name}, "", ""});
            i += 2;
        } else if (is_kw(k, "UNIQUE")) {
            t.constraints.push_back({ParsedConstraint::Kind::Unique, name, {col.name}, "", ""});
            ++i;
        } else if (is_kw(k, "CHECK") && i + 1 < e && is_punct(toks[i + 1], '(')) {
            std::string expr = paren_text(sql, toks, i + 1, i);
            t.constraints.push_back({ParsedConstraint::Kind::Check, name, {col.name}, expr, ""});
        } else if (is_kw(k, "REFERENCES")) {
            ParsedConstraint fk{ParsedConstraint::Kind::ForeignKey, name, {col.name}, "", ""};
            i = read_references(toks, i, e, fk);
            t.constraints.push_back(fk);
        } else if (is_kw(k, "COLLATE")) {
            if (i + 1 < e) col.collation = unquote_identifier(toks[i + 1].text);
            i += 2;
        } else if (is_kw(k, "DEFAULT")) {
            ++i;
            if (i < e && (is_punct(toks[i], '-') || is_punct(toks[i], '+'))) ++i;
            if (i < e && is_punct(toks[i], '(')) i = closing(toks, i);
            ++i;
        } else if (is_kw(k, "AS") && i + 1 < e && is_punct(toks[i + 1], '(')) {
            col.generated = paren_text(sql, toks, i + 1, i);
            col.generated_virtual = !(i < e && is_kw(toks[i], "STORED"));
            if (i < e && (is_kw(toks[i], "STORED") || is_kw(toks[i], "VIRTUAL"))) ++i;
        } else if (is_kw(k, "ON")) {
            i = skip_on_clause(toks, i, e);
        } else if (is_punct(k, '(')) {
            i = closing(toks, i) + 1;  // GENERATED ... AS (expr)
        } else {
            if (is_kw(k, "AUTOINCREMENT")) t.autoincrement = true;
            ++i;  // NOT, NULL, ASC, DESC, AUTOINCREMENT, conflict words ...
            continue;
        }
        name.clear();
    }
    t.columns.push_back(std::move(col));
}

void read_table_constraint(std::string_view sql, const std::vector<Token>& toks, std::size_t i,
                           std::size_t e, ParsedTable& t) {
    std::string name;
    if (is_kw(toks[i], "CONSTRAINT")) {
        if (i + 1 < e) name = unquote_identifier(toks[i + 1].text);
        i += 2;
    }
    if (i >= e) return;
    ParsedConstraint c{ParsedConstraint::Kind::Check, name, {}, "", ""};
    auto find_open = [&](std::size_t from) {
        while (from < e && !is_punct(toks[from], '(')) ++from;
        return from;
    };
    if (is_kw(toks[i], "PRIMARY") || is_kw(toks[i], "UNIQUE")) {
        c.kind = is_kw(toks[i], "PRIMARY") ? ParsedConstraint::Kind::PrimaryKey
                                           : ParsedConstraint::Kind::Unique;
        std::size_t open = find_open(i);
        if (open < e) c.columns = name_list(toks, open, i);
    } else if (is_kw(toks[i], "CHECK")) {
        std::size_t open = find_open(i);
        if (open < e) c.expression = paren_text(sql, toks, open, i);
    } else if (is_kw(toks[i], "FOREIGN")) {
        c.kind = ParsedConstraint::Kind::ForeignKey;
        std::size_t open = find_open(i);
        if (open < e) c.columns = name_list(toks, open, i);
        if (i < e && is_kw(toks[i], "REFERENCES")) read_references(toks, i, e, c);
    } else {
        return;
    }
    t.constraints.push_back(std::move(c));
}

bool is_table_constraint_start(const Token& t) {
    return is_kw(t, "CONSTRAINT") || is_kw(t, "PRIMARY") || is_kw(t, "UNIQUE") ||
           is_kw(t, "CHECK") || is_kw(t, "FOREIGN");
}

}  // namespace

std::string unquote_identifier(std::string_view token) {
    if (token.size() >= 2) {
        char open = token.front(), close = token.back();
        if ((open == '"' && close == '"') || (open == '`' && close == '`') ||
            (open == '\'' && close == '\'')) {
            std::string out;
            for (std::size_t i = 1; i + 1 < token.size(); ++i) {
                out += token[i];
                if (token[i] == open && i + 2 < token.size() && token[i + 1] == open) ++i;
            }
            return out;
        }
        if (open == '[' && close == ']') return std::string(token.substr(1, token.size() - 2));
    }
    return std::string(token);
}

std::optional<ParsedTable> parse_create_table(std::string_view sql) {
    const auto& toks = tokenize(sql);
    std::size_t i = 0;
    if (toks.empty() || !is_kw(toks[0], "CREATE")) return std::nullopt;
    while (i < toks.size() && !is_punct(toks[i], '(')) {
        if (is_kw(toks[i], "AS")) return std::nullopt;  // CREATE TABLE ... AS SELECT
        ++i;
    }
    if (i >= toks.size()) return std::nullopt;
    std::size_t close = closing(toks, i);
    ParsedTable t;
    const auto items = split_commas(toks, i + 1, close);
    t.columns.reserve(items.size());  // column definitions and constraints: an upper bound
    for (auto [b, e] : items) {
        if (b >= e) continue;
        if (is_table_constraint_start(toks[b]))
            read_table_constraint(sql, toks, b, e, t);
        else
            read_column(sql, toks, b, e, t);
    }
    // Table options after the column list: "WITHOUT ROWID", "STRICT", comma-separated.
    for (std::size_t k = close + 1; k < toks.size(); ++k) {
        if (k + 1 < toks.size() && is_kw(toks[k], "WITHOUT") && is_kw(toks[k + 1], "ROWID"))
            t.without_rowid = true;
        if (is_kw(toks[k], "STRICT")) t.strict = true;
    }
    return t;
}

std::optional<ParsedIndex> parse_create_index(std::string_view sql) {
    const auto& toks = tokenize(sql);
    if (toks.empty() || !is_kw(toks[0], "CREATE")) return std::nullopt;
    std::size_t i = 0;
    while (i < toks.size() && !is_punct(toks[i], '(')) ++i;
    if (i >= toks.size()) return std::nullopt;
    std::size_t close = closing(toks, i);
    ParsedIndex ix;
    for (auto [b, e] : split_commas(toks, i + 1, close)) {
        // A trailing ASC/DESC, then COLLATE <name>: the item's options.
        schema::IndexKeyOptions options;
        while (e > b && (is_kw(toks[e - 1], "ASC") || is_kw(toks[e - 1], "DESC"))) {
            options.descending = options.descending || is_kw(toks[e - 1], "DESC");
            --e;
        }
        if (e >= b + 2 && is_kw(toks[e - 2], "COLLATE")) {
            options.collation = unquote_identifier(toks[e - 1].text);
            e -= 2;
        }
        if (e <= b) continue;
        ix.options.push_back(std::move(options));
        if (e == b + 1 &&
            (toks[b].kind == Token::Kind::Word || toks[b].kind == Token::Kind::Quoted)) {
            ix.items.push_back(unquote_identifier(toks[b].text));
            continue;
        }
        std::string text =
            support::trimmed(sql.substr(toks[b].begin, toks[e - 1].end - toks[b].begin));
        bool wrapped = is_punct(toks[b], '(') && closing(toks, b) == e - 1;
        ix.items.push_back(wrapped ? text : "(" + text + ")");
    }
    for (std::size_t k = close + 1; k < toks.size(); ++k) {
        if (is_kw(toks[k], "WHERE")) {
            ix.where = support::trimmed(sql.substr(toks[k].end));
            break;
        }
    }
    return ix;
}

}  // namespace autogen::introspect::sqlite
