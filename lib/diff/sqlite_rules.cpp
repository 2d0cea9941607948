// SQLite equivalence of types, defaults and expressions for the generic differ.
#include "diff/sqlite_rules.hpp"

#include <cctype>
#include <vector>

#include "support/sql_scanner.hpp"
#include "support/text.hpp"

namespace autogen::diff {

namespace {

bool word_char(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '$' || (c & 0x80);
}

/// SQLite's quotes; stored expressions hold no comments, so "--" is two minus signs here.
const support::SqlQuoting kQuoting = [] {
    support::SqlQuoting q = support::SqlQuoting::sqlite();
    q.comments = false;
    return q;
}();

/// Tokens of `sql` in canonical spelling (see normalize_sqlite_expression).
std::vector<std::string> canonical_tokens(std::string_view s) {
    std::vector<std::string> out;
    std::size_t i = 0;
    while (i < s.size()) {
        char c = s[i];
        if (std::isspace(static_cast<unsigned char>(c))) {
            ++i;
            continue;
        }
        std::size_t b = i;
        if (auto span = support::quoted_span_at(s, i, kQuoting)) {
            i = span->end;
            std::string inner = support::unquoted(*span);
            if (c == '\'') {
                out.push_back(std::string(s.substr(b, i - b)));  // string literal: verbatim
                continue;
            }
            bool simple = !inner.empty() && !std::isdigit(static_cast<unsigned char>(inner[0]));
            for (char ch : inner) simple = simple && word_char(ch);
            if (simple) {
                out.push_back(support::to_upper(inner));
            } else {
                out.push_back("\"" + inner + "\"");
            }
            continue;
        }
        if (word_char(c)) {
            while (i < s.size() && (word_char(s[i]) ||
                                    (s[i] == '.' && std::isdigit(static_cast<unsigned char>(c)))))
                ++i;
            out.push_back(support::to_upper(s.substr(b, i - b)));
            continue;
        }
        // Operators: join the two-character ones SQLite knows.
        static const char* two[] = {"<=", ">=", "<>", "!=", "==", "||", "<<", ">>"};
        bool joined = false;
        for (const char* op : two) {
            if (i + 1 < s.size() && s[i] == op[0] && s[i + 1] == op[1]) {
                out.push_back(op);
                i += 2;
                joined = true;
                break;
            }
        }
        if (!joined) out.push_back(std::string(1, s[i++]));
    }
    return out;
}

/// Do tokens [1, n-2] form a balanced group, so that tokens 0 and n-1 are a matching pair?
bool outer_parens(const std::vector<std::string>& t) {
    if (t.size() < 2 || t.front() != "(" || t.back() != ")") return false;
    int depth = 0;
    for (std::size_t i = 0; i + 1 < t.size(); ++i) {
        if (t[i] == "(")
            ++depth;
        else if (t[i] == ")")
            --depth;
        if (depth == 0) return false;  // closed before the end
    }
    return true;
}

std::string join_tokens(const std::vector<std::string>& t) {
    std::string out;
    for (std::size_t i = 0; i < t.size(); ++i) {
        if (i && word_char(out.back()) && word_char(t[i].front())) out += ' ';
        out += t[i];
    }
    return out;
}

class SqliteRules final : public DiffRules {
  public:
    bool same_type(const schema::Column& from, const schema::Column& to) const override {
        return normalize_sqlite_expression(from.type.sql) ==
               normalize_sqlite_expression(to.type.sql);
    }
    bool same_default(const std::optional<std::string>& from,
                      const std::optional<std::string>& to) const override {
        // DEFAULT NULL is no default at all.
        auto norm = [](const std::optional<std::string>& d) -> std::optional<std::string> {
            if (!d) return std::nullopt;
            std::string n = normalize_sqlite_expression(*d);
            if (n == "NULL") return std::nullopt;
            return n;
        };
        return norm(from) == norm(to);
    }
    bool same_expression(const std::string& from, const std::string& to) const override {
        return normalize_sqlite_expression(from) == normalize_sqlite_expression(to);
    }
    bool keeps_constraint_names() const override { return true; }
    // SQLite keeps it in the CREATE TABLE text (CONSTRAINT "pk_t" PRIMARY KEY ...).
    bool keeps_primary_key_name() const override { return true; }
};

}  // namespace

std::string normalize_sqlite_expression(std::string_view sql) {
    auto t = canonical_tokens(sql);
    while (outer_parens(t)) t = std::vector<std::string>(t.begin() + 1, t.end() - 1);
    return join_tokens(t);
}

std::unique_ptr<DiffRules> make_sqlite_rules() { return std::make_unique<SqliteRules>(); }

}  // namespace autogen::diff
