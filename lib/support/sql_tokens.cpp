// Tokens of a revision's statements (sql_tokens.hpp).
#include "support/sql_tokens.hpp"

#include <cctype>

#include "support/text.hpp"

namespace autogen::support {

namespace {

bool word_char(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '$' ||
           static_cast<unsigned char>(c) >= 0x80;
}

/// Moves `line`/`column` over `text`.
void advance(std::string_view text, unsigned& line, unsigned& column) {
    for (char c : text) {
        if (c == '\n') {
            ++line;
            column = 1;
        } else {
            ++column;
        }
    }
}

void push(std::vector<Token>& out, TokenKind kind, std::string text, unsigned line,
          unsigned column) {
    Token t;
    t.kind = kind;
    t.upper = support::to_upper(text);
    t.text = std::move(text);
    t.line = line;
    t.column = column;
    out.push_back(std::move(t));
}

/// Splits a Code span into words, numbers and punctuation.
void code_tokens(std::string_view code, unsigned& line, unsigned& column, std::vector<Token>& out) {
    std::size_t i = 0;
    while (i < code.size()) {
        char c = code[i];
        if (std::isspace(static_cast<unsigned char>(c))) {
            advance(code.substr(i, 1), line, column);
            ++i;
            continue;
        }
        std::size_t j = i + 1;
        TokenKind kind = TokenKind::Punct;
        if (std::isdigit(static_cast<unsigned char>(c))) {
            kind = TokenKind::Number;
            while (j < code.size() &&
                   (std::isdigit(static_cast<unsigned char>(code[j])) || code[j] == '.'))
                ++j;
        } else if (word_char(c)) {
            kind = TokenKind::Word;
            while (j < code.size() && word_char(code[j])) ++j;
        }
        push(out, kind, std::string(code.substr(i, j - i)), line, column);
        advance(code.substr(i, j - i), line, column);
        i = j;
    }
}

}  // namespace

std::vector<Token> tokenize(std::string_view sql, const support::SqlQuoting& quoting, unsigned line,
                            unsigned column) {
    std::vector<Token> out;
    support::SqlScanner scanner(sql, quoting);
    while (auto span = scanner.next()) {
        switch (span->kind) {
            case support::SqlSpanKind::Code:
                code_tokens(span->text, line, column, out);
                continue;  // code_tokens moved line/column itself
            case support::SqlSpanKind::QuotedIdentifier:
                push(out, TokenKind::Name, support::unquoted(*span), line, column);
                out.back().upper = support::to_upper(out.back().text);
                break;
            case support::SqlSpanKind::String:
            case support::SqlSpanKind::DollarQuoted:
                // An E'...' string: the E was a word of the code before; it is part of the
                // string, whose text keeps it (its escapes mean what a '...' string's do not).
                if (!out.empty() && out.back().kind == TokenKind::Word && out.back().upper == "E" &&
                    out.back().line == line && out.back().column + 1 == column) {
                    const std::string e = out.back().text;
                    out.pop_back();
                    push(out, TokenKind::String, e + std::string(span->text), line, column - 1);
                    break;
                }
                push(out, TokenKind::String, std::string(span->text), line, column);
                break;
            case support::SqlSpanKind::LineComment:
            case support::SqlSpanKind::BlockComment:
                break;
        }
        advance(span->text, line, column);
    }
    return out;
}

namespace {

/// Calls `f(index, depth)` for each token, depth being the parenthesis depth before it.
template <class F>
void walk_depth(const TokenRange& r, F f) {
    int depth = 0;
    for (std::size_t i = 0; i < r.size(); ++i) {
        if (r[i].is(')')) --depth;
        if (!f(i, depth)) return;
        if (r[i].is('(')) ++depth;
    }
}

}  // namespace

std::size_t TokenRange::find_word(std::string_view keyword, std::size_t from) const {
    std::size_t found = size();
    walk_depth(*this, [&](std::size_t i, int depth) {
        if (i >= from && depth == 0 && (*this)[i].is(keyword)) {
            found = i;
            return false;
        }
        return true;
    });
    return found;
}

bool TokenRange::has_word(std::string_view keyword) const { return find_word(keyword) < size(); }

std::vector<TokenRange> TokenRange::split_commas() const {
    std::vector<TokenRange> parts;
    const Token* start = begin;
    walk_depth(*this, [&](std::size_t i, int depth) {
        if (depth == 0 && (*this)[i].is(',')) {
            parts.push_back({start, begin + i});
            start = begin + i + 1;
        }
        return true;
    });
    parts.push_back({start, end});
    return parts;
}

std::string TokenRange::text() const {
    std::string out;
    for (const Token* t = begin; t != end; ++t) {
        if (!out.empty() && !t->is('(') && !t->is(')') && !t->is(',') && !(t - 1)->is('('))
            out += ' ';
        if (t->kind == TokenKind::Name)
            out += support::quoted(t->text, '"');
        else
            out += t->text;
    }
    return out;
}

std::vector<std::string> read_name_parts(const TokenRange& r, std::size_t& i) {
    std::vector<std::string> parts;
    while (i < r.size() && r[i].is_name()) {
        parts.push_back(r[i].kind == TokenKind::Name ? r[i].text : to_lower(r[i].text));
        ++i;
        if (i + 1 < r.size() && r[i].is('.') && r[i + 1].is_name())
            ++i;
        else
            break;
    }
    return parts;
}

std::string read_name(const TokenRange& r, std::size_t& i) {
    return join_with(read_name_parts(r, i), ".");
}

bool skip_words(const TokenRange& r, std::size_t& i, std::initializer_list<const char*> words) {
    std::size_t j = i;
    for (const char* w : words) {
        if (j >= r.size() || !r[j].is(w)) return false;
        ++j;
    }
    i = j;
    return true;
}

std::optional<std::string> string_constant(const Token& t) {
    if (t.kind != TokenKind::String || t.text.size() < 2) return std::nullopt;
    if (t.text.front() == '$') {
        const auto tag_end = t.text.find('$', 1);
        if (tag_end == std::string::npos || t.text.size() < 2 * (tag_end + 1)) return std::nullopt;
        const std::size_t tag = tag_end + 1;
        return t.text.substr(tag, t.text.size() - 2 * tag);
    }
    if (t.text.front() != '\'' || t.text.back() != '\'') return std::nullopt;
    std::string out;
    for (std::size_t k = 1; k + 1 < t.text.size(); ++k) {
        out += t.text[k];
        if (t.text[k] == '\'' && t.text[k + 1] == '\'') ++k;
    }
    return out;
}

namespace {
/// A name that means the same quoted or not where unquoted names fold to lower case:
/// lower-case letters, digits, '_' and '$', not starting with a digit or '$'.
bool is_plain_lower_name(std::string_view name) {
    if (name.empty() || std::isdigit(static_cast<unsigned char>(name[0])) || name[0] == '$')
        return false;
    for (char c : name)
        if (!(std::islower(static_cast<unsigned char>(c)) ||
              std::isdigit(static_cast<unsigned char>(c)) || c == '_' || c == '$'))
            return false;
    return true;
}
}  // namespace

std::string canonical_sql(std::string_view sql, const SqlQuoting& quoting, bool fold_quoted_names) {
    std::string out;
    for (const auto& t : tokenize(sql, quoting)) {
        if (!out.empty()) out += ' ';
        if (t.kind == TokenKind::Word)
            out += to_lower(t.text);
        else if (t.kind == TokenKind::Name)
            out += fold_quoted_names || is_plain_lower_name(t.text) ? to_lower(t.text)
                                                                    : '"' + t.text + '"';
        else
            out += t.text;
    }
    return out;
}

}  // namespace autogen::support
