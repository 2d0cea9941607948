// with_names_renamed() (sql_renames.hpp).
#include "support/sql_renames.hpp"

#include <vector>

#include "support/sql_scanner.hpp"
#include "support/sql_tokens.hpp"
#include "support/text.hpp"

namespace autogen::support {

std::string with_names_renamed(const std::string& expression,
                               const std::map<std::string, std::string>& renamed) {
    if (renamed.empty()) return expression;
    // Byte offset of each line's start: a token knows its line and column.
    std::vector<std::size_t> line_starts{0};
    for (std::size_t i = 0; i < expression.size(); ++i)
        if (expression[i] == '\n') line_starts.push_back(i + 1);
    struct Splice {
        std::size_t at, length;
        std::string text;
    };
    std::vector<Splice> splices;
    for (const auto& t : tokenize(expression, SqlQuoting::portable())) {
        if (t.line == 0 || t.line > line_starts.size() || t.column == 0) continue;
        const std::size_t at = line_starts[t.line - 1] + t.column - 1;
        if (t.kind == TokenKind::Name) {
            auto it = renamed.find(t.text);
            if (it == renamed.end()) continue;
            // The quoted name as written: "..." with "" for a quote inside.
            std::size_t end = at + 1;
            while (end < expression.size() &&
                   (expression[end] != '"' ||
                    (end + 1 < expression.size() && expression[end + 1] == '"')))
                end += expression[end] == '"' ? 2 : 1;
            splices.push_back({at, end + 1 - at, quoted(it->second, '"')});
        } else if (t.kind == TokenKind::Word) {
            // An unquoted name is folded to lower case (by PostgreSQL; SQLite ignores case).
            auto it = renamed.find(t.text);
            if (it == renamed.end()) it = renamed.find(to_lower(t.text));
            if (it != renamed.end())
                splices.push_back({at, t.text.size(), quoted(it->second, '"')});
        }
    }
    std::string out = expression;
    for (auto it = splices.rbegin(); it != splices.rend(); ++it)
        if (it->at + it->length <= out.size()) out.replace(it->at, it->length, it->text);
    return out;
}

}  // namespace autogen::support
