// Splits a SQL script into statements: the ';' that end them are found outside strings,
// quoted identifiers, comments and dollar-quoted bodies (support::SqlScanner's
// quoted_span_at) and outside trigger bodies (BEGIN ... END, counted here).
#include "migrate/sql_splitter.hpp"

#include <cctype>

#include "support/sql_scanner.hpp"
#include "support/text.hpp"

namespace autogen::migrate {

namespace {

bool word_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

/// Every quoting form of both dialects, so one splitter serves both: a revision file's
/// SQL is split before it reaches a database. A doubled quote ('it''s') reads as two
/// adjacent strings, which ends in the same place.
support::SqlQuoting splitter_quoting() {
    support::SqlQuoting q;
    q.backticks = true;
    q.brackets = true;
    q.doubled_quotes = false;
    q.e_strings = true;
    q.dollar_quotes = true;
    return q;
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
    const support::SqlQuoting quoting = splitter_quoting();

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
        } else if (auto span = support::quoted_span_at(sql, i, quoting)) {
            // Comments are skipped; strings, quoted names and dollar-quoted bodies are
            // part of the statement, and no ';' inside them ends it.
            bool comment = span->kind == support::SqlSpanKind::LineComment ||
                           span->kind == support::SqlSpanKind::BlockComment;
            if (!comment) begin_token();
            skip_to(span->end);
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
