// The one quote-aware SQL scanner (see sql_scanner.hpp).
#include "support/sql_scanner.hpp"

#include <cctype>

namespace autogen::support {

namespace {

bool word_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

/// The length of a dollar-quote tag ("$$", "$body$") starting at `i`, or 0 ("$1" is a
/// parameter, a lone '$' is code).
std::size_t dollar_tag(std::string_view sql, std::size_t i) {
    if (sql[i] != '$') return 0;
    std::size_t j = i + 1;
    if (j < sql.size() && std::isdigit(static_cast<unsigned char>(sql[j]))) return 0;
    while (j < sql.size() && word_char(sql[j])) ++j;
    return j < sql.size() && sql[j] == '$' ? j - i + 1 : 0;
}

SqlSpan make_span(std::string_view sql, SqlSpanKind kind, std::size_t begin, std::size_t end,
                  bool terminated) {
    if (end > sql.size()) end = sql.size();
    return SqlSpan{kind, begin, end, sql.substr(begin, end - begin), terminated};
}

}  // namespace

SqlQuoting SqlQuoting::sqlite() {
    SqlQuoting q;
    q.backticks = true;
    q.brackets = true;
    return q;
}

SqlQuoting SqlQuoting::postgresql() {
    SqlQuoting q;
    q.e_strings = true;
    q.dollar_quotes = true;
    q.nested_comments = true;
    return q;
}

SqlQuoting SqlQuoting::portable() {
    SqlQuoting q = postgresql();
    q.backticks = true;
    return q;
}

SqlQuoting SqlQuoting::quotes_only() {
    SqlQuoting q;
    q.comments = false;
    return q;
}

std::optional<SqlSpan> quoted_span_at(std::string_view sql, std::size_t at,
                                      const SqlQuoting& quoting) {
    if (at >= sql.size()) return std::nullopt;
    const char c = sql[at];
    const bool two = at + 1 < sql.size();
    if (quoting.comments && c == '-' && two && sql[at + 1] == '-') {
        std::size_t nl = sql.find('\n', at);
        return make_span(sql, SqlSpanKind::LineComment, at,
                         nl == std::string_view::npos ? sql.size() : nl, true);
    }
    if (quoting.comments && c == '/' && two && sql[at + 1] == '*') {
        int depth = 1;
        std::size_t i = at + 2;
        while (i < sql.size()) {
            if (sql.compare(i, 2, "*/") == 0) {
                i += 2;
                if (--depth == 0) return make_span(sql, SqlSpanKind::BlockComment, at, i, true);
            } else if (quoting.nested_comments && sql.compare(i, 2, "/*") == 0) {
                i += 2;
                ++depth;
            } else {
                ++i;
            }
        }
        return make_span(sql, SqlSpanKind::BlockComment, at, sql.size(), false);
    }
    const bool quote = (quoting.single_quotes && c == '\'') ||
                       (quoting.double_quotes && c == '"') || (quoting.backticks && c == '`') ||
                       (quoting.brackets && c == '[');
    if (quote) {
        const char close = c == '[' ? ']' : c;
        const SqlSpanKind kind = c == '\'' ? SqlSpanKind::String : SqlSpanKind::QuotedIdentifier;
        // E'it\'s': the E stands alone (not the end of a longer word such as "TYPE").
        const bool backslash = quoting.e_strings && c == '\'' && at > 0 &&
                               (sql[at - 1] == 'E' || sql[at - 1] == 'e') &&
                               (at < 2 || !word_char(sql[at - 2]));
        std::size_t i = at + 1;
        while (i < sql.size()) {
            if (backslash && sql[i] == '\\') {
                i += 2;
            } else if (sql[i] == close) {
                if (quoting.doubled_quotes && close != ']' && i + 1 < sql.size() &&
                    sql[i + 1] == close) {
                    i += 2;
                } else {
                    return make_span(sql, kind, at, i + 1, true);
                }
            } else {
                ++i;
            }
        }
        return make_span(sql, kind, at, sql.size(), false);
    }
    if (quoting.dollar_quotes) {
        if (std::size_t tag = dollar_tag(sql, at)) {
            std::size_t close = sql.find(sql.substr(at, tag), at + tag);
            if (close == std::string_view::npos)
                return make_span(sql, SqlSpanKind::DollarQuoted, at, sql.size(), false);
            return make_span(sql, SqlSpanKind::DollarQuoted, at, close + tag, true);
        }
    }
    return std::nullopt;
}

std::string unquoted(const SqlSpan& span) {
    std::string_view t = span.text;
    if (t.empty()) return {};
    const char close = t.front() == '[' ? ']' : t.front();
    t.remove_prefix(1);
    if (span.terminated && !t.empty()) t.remove_suffix(1);
    std::string out;
    for (std::size_t i = 0; i < t.size(); ++i) {
        out += t[i];
        if (close != ']' && t[i] == close && i + 1 < t.size() && t[i + 1] == close) ++i;
    }
    return out;
}

std::string quoted(std::string_view text, char quote) {
    std::string out;
    out.reserve(text.size() + 2);
    out += quote;
    for (char c : text) {
        if (c == quote) out += quote;
        out += c;
    }
    out += quote;
    return out;
}

std::optional<SqlSpan> SqlScanner::next() {
    if (pos_ >= sql_.size()) return std::nullopt;
    if (auto span = quoted_span_at(sql_, pos_, quoting_)) {
        pos_ = span->end;
        return span;
    }
    std::size_t begin = pos_;
    do {
        ++pos_;
    } while (pos_ < sql_.size() && !quoted_span_at(sql_, pos_, quoting_));
    return make_span(sql_, SqlSpanKind::Code, begin, pos_, true);
}

}  // namespace autogen::support
