// A small SQL lexer, just enough to find the ';' that end statements: it skips
// strings, quoted identifiers, comments, dollar-quoted bodies and trigger bodies.
#include "migrate/sql_splitter.hpp"

#include <cctype>

#include "support/text.hpp"

namespace autogen::migrate {

namespace {

bool word_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

/// The length of a PostgreSQL dollar-quote tag ("$$", "$body$") starting at `i`, or 0.
std::size_t dollar_tag(std::string_view sql, std::size_t i) {
    if (sql[i] != '$') return 0;
    std::size_t j = i + 1;
    if (j < sql.size() && std::isdigit(static_cast<unsigned char>(sql[j])))
        return 0;  // $1 parameter
    while (j < sql.size() && word_char(sql[j])) ++j;
    return j < sql.size() && sql[j] == '$' ? j - i + 1 : 0;
}

/// The statement being collected and what is known about its structure.
struct Pending {
    std::size_t start = std::string_view::npos;  ///< offset of its first token
    unsigned line = 0;
    std::vector<std::string> leading_words;  ///< first words, to recognise CREATE TRIGGER
    bool trigger = false;
    bool body_seen = false;  ///< a trigger's BEGIN
    int depth = 0;           ///< BEGIN/CASE ... END nesting inside a trigger body
};

}  // namespace

std::vector<SqlStatement> split_statements(std::string_view sql, unsigned first_line) {
    std::vector<SqlStatement> out;
    Pending cur;
    unsigned line = first_line;
    std::size_t i = 0;

    auto begin_token = [&]() {
        if (cur.start == std::string_view::npos) {
            cur.start = i;
            cur.line = line;
        }
    };
    auto finish = [&](std::size_t end) {
        if (cur.start != std::string_view::npos) {
            std::string text(sql.substr(cur.start, end - cur.start));
            while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back())))
                text.pop_back();
            out.push_back({std::move(text), cur.line});
        }
        cur = Pending{};
    };
    // Advances past sql[i..end), counting newlines.
    auto skip_to = [&](std::size_t end) {
        for (; i < end && i < sql.size(); ++i) {
            if (sql[i] == '\n') ++line;
        }
    };

    while (i < sql.size()) {
        char c = sql[i];
        if (c == '\n') {
            ++line;
            ++i;
        } else if (std::isspace(static_cast<unsigned char>(c))) {
            ++i;
        } else if (c == '-' && i + 1 < sql.size() && sql[i + 1] == '-') {
            auto nl = sql.find('\n', i);
            skip_to(nl == std::string_view::npos ? sql.size() : nl);
        } else if (c == '/' && i + 1 < sql.size() && sql[i + 1] == '*') {
            auto close = sql.find("*/", i + 2);
            skip_to(close == std::string_view::npos ? sql.size() : close + 2);
        } else if (c == '\'' || c == '"' || c == '`' || c == '[') {
            begin_token();
            char closing = c == '[' ? ']' : c;
            // PostgreSQL's E'...' strings escape with a backslash (E'it\'s').
            bool backslash = c == '\'' && i > 0 && (sql[i - 1] == 'E' || sql[i - 1] == 'e') &&
                             (i < 2 || !word_char(sql[i - 2]));
            std::size_t close = i + 1;
            while (close < sql.size() && sql[close] != closing) {
                close += backslash && sql[close] == '\\' ? 2 : 1;
            }
            // A doubled quote ('it''s') is simply two adjacent strings here.
            skip_to(close >= sql.size() ? sql.size() : close + 1);
        } else if (std::size_t tag = dollar_tag(sql, i)) {
            begin_token();
            auto close = sql.find(sql.substr(i, tag), i + tag);
            skip_to(close == std::string_view::npos ? sql.size() : close + tag);
        } else if (word_char(c)) {
            begin_token();
            std::size_t j = i;
            while (j < sql.size() && word_char(sql[j])) ++j;
            std::string word = support::to_upper(sql.substr(i, j - i));
            if (cur.leading_words.size() < 3) {
                cur.leading_words.push_back(word);
                const auto& w = cur.leading_words;
                cur.trigger =
                    w[0] == "CREATE" && ((w.size() > 1 && w[1] == "TRIGGER") ||
                                         (w.size() > 2 && (w[1] == "TEMP" || w[1] == "TEMPORARY") &&
                                          w[2] == "TRIGGER"));
            }
            if (cur.trigger) {
                if (word == "BEGIN") {
                    cur.body_seen = true;
                    ++cur.depth;
                } else if (word == "CASE" && cur.depth > 0) {
                    ++cur.depth;
                } else if (word == "END" && cur.depth > 0) {
                    --cur.depth;
                }
            }
            i = j;
        } else if (c == ';') {
            if (cur.trigger && cur.body_seen && cur.depth > 0) {
                ++i;  // a statement inside the trigger body
            } else {
                finish(i);
                ++i;
            }
        } else {
            begin_token();
            ++i;
        }
    }
    finish(sql.size());
    return out;
}

}  // namespace autogen::migrate
