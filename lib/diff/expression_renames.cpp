// with_renamed_columns_in() (expression_renames.hpp).
#include "diff/expression_renames.hpp"

#include <cctype>

#include "support/sql_tokens.hpp"

namespace autogen::diff {

namespace {

std::string lower(std::string s) {
    for (auto& ch : s) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    return s;
}

std::string quoted(const std::string& name) {
    std::string out = "\"";
    for (char ch : name) out += ch == '"' ? std::string("\"\"") : std::string(1, ch);
    return out + "\"";
}

}  // namespace

std::string with_renamed_columns_in(const std::string& expression,
                                    const std::map<std::string, std::string>& renamed) {
    if (renamed.empty()) return expression;
    std::string out;
    for (const auto& t : support::tokenize(expression, support::SqlQuoting::portable())) {
        std::string text = t.text;
        if (t.kind == support::TokenKind::Name) {
            auto it = renamed.find(t.text);
            text = quoted(it != renamed.end() ? it->second : t.text);
        } else if (t.kind == support::TokenKind::Word) {
            // An unquoted name is folded to lower case (by PostgreSQL; SQLite ignores case).
            auto it = renamed.find(t.text);
            if (it == renamed.end()) it = renamed.find(lower(t.text));
            if (it != renamed.end()) text = quoted(it->second);
        }
        out += (out.empty() ? "" : " ") + text;
    }
    return out;
}

}  // namespace autogen::diff
