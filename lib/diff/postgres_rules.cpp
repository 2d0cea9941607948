// PostgreSQL equivalence of types, defaults and expressions for the generic differ.
// Works on tokens: canonical_tokens() reads the SQL, the rewrite_* passes remove what
// PostgreSQL adds or spells another way (casts of literals, redundant parentheses,
// operator names), join_tokens() prints the result.
#include "diff/postgres_rules.hpp"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <map>
#include <set>
#include <vector>

#include "schema/columns_added_again.hpp"
#include "schema/domain.hpp"
#include "schema/policy.hpp"
#include "schema/sequence.hpp"
#include "schema/user_type.hpp"
#include "support/sql_scanner.hpp"
#include "support/sql_type_names.hpp"
#include "support/text.hpp"

namespace autogen::diff {

namespace {

enum class Kind { Word, Quoted, String, Number, Op, Open, Close, Punct };

struct Tok {
    Kind kind;
    std::string text;
};

bool word_start(char c) {
    return std::isalpha(static_cast<unsigned char>(c)) || c == '_' || (c & 0x80);
}
bool word_char(char c) {
    return word_start(c) || std::isdigit(static_cast<unsigned char>(c)) || c == '$';
}
bool op_char(char c) {
    return std::string_view("+-*/<>=~!@#%^&|`?").find(c) != std::string_view::npos;
}

/// A quoted identifier that PostgreSQL would print bare: lower case letters, digits, '_'.
bool simple_identifier(const std::string& s) {
    if (s.empty() || std::isdigit(static_cast<unsigned char>(s[0])) || s[0] == '$') return false;
    for (char c : s)
        if (!(std::islower(static_cast<unsigned char>(c)) ||
              std::isdigit(static_cast<unsigned char>(c)) || c == '_' || c == '$'))
            return false;
    return true;
}

/// Reads a quoted run starting at s[i] (the opening quote); returns the inner text with
/// doubled quotes undone and moves i past the closing quote.
std::string read_quoted(std::string_view s, std::size_t& i) {
    auto span = support::quoted_span_at(s, i, support::SqlQuoting::quotes_only());
    i = span->end;
    return support::unquoted(*span);
}

std::vector<Tok> tokenize(std::string_view s) {
    std::vector<Tok> out;
    std::size_t i = 0;
    while (i < s.size()) {
        char c = s[i];
        if (std::isspace(static_cast<unsigned char>(c))) {
            ++i;
        } else if (c == '\'') {
            std::size_t b = i;
            read_quoted(s, i);
            out.push_back({Kind::String, std::string(s.substr(b, i - b))});
        } else if ((c == 'e' || c == 'E') && i + 1 < s.size() && s[i + 1] == '\'') {
            std::size_t b = i++;
            read_quoted(s, i);
            out.push_back({Kind::String, "E" + std::string(s.substr(b + 1, i - b - 1))});
        } else if (c == '"') {
            std::string inner = read_quoted(s, i);
            if (simple_identifier(inner))
                out.push_back({Kind::Word, inner});
            else
                out.push_back({Kind::Quoted, "\"" + inner + "\""});
        } else if (std::isdigit(static_cast<unsigned char>(c)) ||
                   (c == '.' && i + 1 < s.size() &&
                    std::isdigit(static_cast<unsigned char>(s[i + 1])))) {
            std::size_t b = i;
            while (i < s.size() && (std::isdigit(static_cast<unsigned char>(s[i])) || s[i] == '.'))
                ++i;
            if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
                std::size_t e = i + 1;
                if (e < s.size() && (s[e] == '+' || s[e] == '-')) ++e;
                if (e < s.size() && std::isdigit(static_cast<unsigned char>(s[e]))) {
                    i = e;
                    while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i;
                }
            }
            out.push_back({Kind::Number, support::to_lower(s.substr(b, i - b))});
        } else if (word_start(c)) {
            std::size_t b = i;
            while (i < s.size() && word_char(s[i])) ++i;
            out.push_back({Kind::Word, support::to_lower(s.substr(b, i - b))});
        } else if (c == ':' && i + 1 < s.size() && s[i + 1] == ':') {
            out.push_back({Kind::Op, "::"});
            i += 2;
        } else if (op_char(c)) {
            // PostgreSQL's rule: a multi-character operator does not end in '+' or '-'
            // unless it contains one of ~ ! @ # % ^ & | ` ? ("=-1" is "=" and "-1").
            std::size_t b = i;
            while (i < s.size() && op_char(s[i])) ++i;
            std::string op(s.substr(b, i - b));
            if (op.find_first_of("~!@#%^&|`?") == std::string::npos)
                while (op.size() > 1 && (op.back() == '+' || op.back() == '-')) {
                    op.pop_back();
                    --i;
                }
            out.push_back({Kind::Op, op});
        } else if (c == '(') {
            out.push_back({Kind::Open, "("});
            ++i;
        } else if (c == ')') {
            out.push_back({Kind::Close, ")"});
            ++i;
        } else {
            out.push_back({Kind::Punct, std::string(1, c)});
            ++i;
        }
    }
    return out;
}

/// Index of the ')' matching the '(' at `open`, or npos.
std::size_t matching_close(const std::vector<Tok>& t, std::size_t open) {
    int depth = 0;
    for (std::size_t i = open; i < t.size(); ++i) {
        if (t[i].kind == Kind::Open)
            ++depth;
        else if (t[i].kind == Kind::Close && --depth == 0)
            return i;
    }
    return std::string::npos;
}

// ---- types ------------------------------------------------------------------------

/// A serial column shorthand -> the integer type it declares (its default is apart).
std::string serial_base_type(const std::string& name) {
    static const std::map<std::string, std::string> m = {
        {"serial", "integer"},   {"serial4", "integer"},  {"smallserial", "smallint"},
        {"serial2", "smallint"}, {"bigserial", "bigint"}, {"serial8", "bigint"},
    };
    auto it = m.find(name);
    return it == m.end() ? name : it->second;
}

std::string canonical_type_tokens(const std::vector<Tok>& t) {
    std::vector<std::string> words;  // name parts; "." joins schema and name
    std::string modifier;            // "(20)" or "(12,2)"
    int arrays = 0;
    for (std::size_t i = 0; i < t.size(); ++i) {
        const Tok& k = t[i];
        if (k.kind == Kind::Open) {
            modifier = "(";
            std::size_t e = matching_close(t, i);
            if (e == std::string::npos) e = t.size();
            for (std::size_t j = i + 1; j < e; ++j) modifier += t[j].text;
            modifier += ")";
            i = e;
        } else if (k.kind == Kind::Punct && k.text == "[") {
            ++arrays;
            while (i + 1 < t.size() && !(t[i].kind == Kind::Punct && t[i].text == "]")) ++i;
        } else if (k.kind == Kind::Punct && k.text == ".") {
            if (!words.empty() && words.back() == "public")
                words.pop_back();
            else if (!words.empty())
                words.back() += ".";
        } else if (!words.empty() && words.back().back() == '.') {
            words.back() += k.text;
        } else {
            words.push_back(k.text);
        }
    }
    std::string name;
    for (const auto& w : words) name += (name.empty() ? "" : " ") + w;
    if (name.size() > 1 && name[0] == '_' && support::is_builtin_type_name(name.substr(1))) {
        name = name.substr(1);  // _int4 is int4[]
        ++arrays;
    }
    name = support::standard_type_name(serial_base_type(name));
    if (words == std::vector<std::string>{"float"} && modifier.size() > 2) {
        // float(p): p <= 24 is real, 25..53 double precision.
        if (std::atoi(modifier.c_str() + 1) <= 24) name = "real";
        modifier.clear();
    }
    std::string out;
    if (!modifier.empty() && name.rfind("time", 0) == 0) {  // timestamp(3) with time zone
        std::size_t sp = name.find(' ');
        out = sp == std::string::npos ? name + modifier
                                      : name.substr(0, sp) + modifier + name.substr(sp);
    } else {
        out = name + modifier;
    }
    for (int i = 0; i < arrays; ++i) out += "[]";
    return out;
}

bool is_string_type(const std::string& canonical) {
    return canonical == "text" || canonical.rfind("character", 0) == 0 || canonical == "name";
}

bool is_numeric_type(const std::string& canonical) {
    static const std::set<std::string> n = {"smallint", "integer", "bigint", "real",
                                            "double precision"};
    return n.count(canonical) || canonical.rfind("numeric", 0) == 0;
}

// ---- expressions ------------------------------------------------------------------

/// The end (exclusive) of the type name that starts at t[b] (after a "::").
std::size_t type_end(const std::vector<Tok>& t, std::size_t b) {
    static const std::set<std::string> continuation = {"varying", "precision", "with",
                                                       "without", "time",      "zone"};
    std::size_t i = b;
    if (i < t.size() && (t[i].kind == Kind::Word || t[i].kind == Kind::Quoted)) ++i;
    while (i + 1 < t.size() && t[i].kind == Kind::Punct && t[i].text == "." &&
           (t[i + 1].kind == Kind::Word || t[i + 1].kind == Kind::Quoted))
        i += 2;
    for (;;) {
        if (i < t.size() && t[i].kind == Kind::Word && continuation.count(t[i].text)) {
            ++i;
        } else if (i < t.size() && t[i].kind == Kind::Open) {
            std::size_t e = matching_close(t, i);
            if (e == std::string::npos) return i;
            i = e + 1;
        } else if (i + 1 < t.size() && t[i].kind == Kind::Punct && t[i].text == "[" &&
                   t[i + 1].text == "]") {
            i += 2;
        } else {
            return i;
        }
    }
}

bool numeric_text(const std::string& s) {
    std::size_t i = s[0] == '-' || s[0] == '+' ? 1 : 0;
    if (i >= s.size()) return false;
    bool digit = false;
    for (; i < s.size(); ++i) {
        if (std::isdigit(static_cast<unsigned char>(s[i])))
            digit = true;
        else if (s[i] != '.' && s[i] != 'e' && s[i] != 'E')
            return false;
    }
    return digit;
}

/// Drops casts of literals and casts to string types; other casts get their type in
/// canonical spelling (one Word token).
void rewrite_casts(std::vector<Tok>& t) {
    for (std::size_t i = 0; i < t.size(); ++i) {
        if (!(t[i].kind == Kind::Op && t[i].text == "::")) continue;
        std::size_t e = type_end(t, i + 1);
        std::string type = canonical_type_tokens(std::vector<Tok>(
            t.begin() + static_cast<long>(i) + 1, t.begin() + static_cast<long>(e)));
        // The operand: a literal, or a literal in parentheses ("(2)::numeric").
        std::size_t lit = std::string::npos;
        if (i > 0 && (t[i - 1].kind == Kind::String || t[i - 1].kind == Kind::Number)) lit = i - 1;
        if (i > 2 && t[i - 1].kind == Kind::Close && t[i - 3].kind == Kind::Open &&
            (t[i - 2].kind == Kind::String || t[i - 2].kind == Kind::Number))
            lit = i - 2;
        if (lit != std::string::npos || is_string_type(type)) {
            t.erase(t.begin() + static_cast<long>(i), t.begin() + static_cast<long>(e));
            if (lit != std::string::npos && t[lit].kind == Kind::String && is_numeric_type(type)) {
                std::string inner = t[lit].text.substr(1, t[lit].text.size() - 2);
                if (numeric_text(inner)) {
                    // '-1'::integer is -1.
                    std::vector<Tok> num = tokenize(inner);
                    t.erase(t.begin() + static_cast<long>(lit));
                    t.insert(t.begin() + static_cast<long>(lit), num.begin(), num.end());
                }
            }
            i = 0;  // restart: a chain of casts ('x'::text::varchar) goes one at a time
            continue;
        }
        t.erase(t.begin() + static_cast<long>(i) + 1, t.begin() + static_cast<long>(e));
        t.insert(t.begin() + static_cast<long>(i) + 1, Tok{Kind::Word, type});
    }
}

void rewrite_names(std::vector<Tok>& t) {
    std::vector<Tok> out;
    for (std::size_t i = 0; i < t.size(); ++i) {
        const Tok& k = t[i];
        if (k.kind == Kind::Word && k.text == "public" && i + 2 < t.size() &&
            t[i + 1].text == "." &&
            (t[i + 2].kind == Kind::Word || t[i + 2].kind == Kind::Quoted)) {
            ++i;  // public.f() is f()
            continue;
        }
        if (k.kind == Kind::Word && (k.text == "now" || k.text == "transaction_timestamp") &&
            i + 2 < t.size() && t[i + 1].kind == Kind::Open && t[i + 2].kind == Kind::Close) {
            out.push_back({Kind::Word, "current_timestamp"});
            i += 2;
            continue;
        }
        if (k.kind == Kind::Op) {
            static const std::map<std::string, std::vector<std::string>> ops = {
                {"~~", {"like"}},
                {"~~*", {"ilike"}},
                {"!~~", {"not", "like"}},
                {"!~~*", {"not", "ilike"}}};
            if (auto it = ops.find(k.text); it != ops.end()) {
                for (const auto& w : it->second) out.push_back({Kind::Word, w});
                continue;
            }
            if (k.text == "!=") {
                out.push_back({Kind::Op, "<>"});
                continue;
            }
        }
        out.push_back(k);
    }
    t = std::move(out);
}

/// Is the '(' at `open` a call's or a keyword's argument list (lower(x), IN (...),
/// ANY (...)) rather than grouping?
bool is_argument_list(const std::vector<Tok>& t, std::size_t open) {
    if (open == 0) return false;
    const Tok& before = t[open - 1];
    if (before.kind == Kind::Quoted) return true;
    if (before.kind != Kind::Word) return false;
    static const std::set<std::string> grouping = {"and",     "or",       "not",  "is",   "like",
                                                   "ilike",   "when",     "then", "else", "case",
                                                   "between", "distinct", "from", "where"};
    return !grouping.count(before.text);
}

bool is_word(const std::vector<Tok>& t, std::size_t i, std::initializer_list<const char*> words) {
    if (i >= t.size() || t[i].kind != Kind::Word) return false;
    for (const char* w : words)
        if (t[i].text == w) return true;
    return false;
}

/// Is the group t[open..close] an operand of AND / OR / NOT whose content holds no AND
/// or OR of its own ("(a >= 0) OR (b > 2)")? Comparisons bind tighter than those, so
/// the parentheses PostgreSQL prints around each of them change nothing.
bool is_boolean_operand(const std::vector<Tok>& t, std::size_t open, std::size_t close) {
    bool left =
        open == 0 || t[open - 1].kind == Kind::Open || is_word(t, open - 1, {"and", "or", "not"});
    bool right = close + 1 == t.size() || t[close + 1].kind == Kind::Close ||
                 is_word(t, close + 1, {"and", "or"});
    if (!left || !right) return false;
    int depth = 0;
    for (std::size_t i = open + 1; i < close; ++i) {
        if (t[i].kind == Kind::Open)
            ++depth;
        else if (t[i].kind == Kind::Close)
            --depth;
        else if (depth == 0 && (is_word(t, i, {"and", "or"}) || t[i].text == ","))
            return false;
    }
    return true;
}

/// Drops parentheses around the whole expression, around a single operand ("(a)",
/// "(-1)"), doubled ones ("((a > b))") and those around a comparison that is an
/// operand of AND / OR / NOT.
void rewrite_parentheses(std::vector<Tok>& t) {
    bool changed = true;
    while (changed) {
        changed = false;
        for (std::size_t i = 0; i < t.size(); ++i) {
            if (t[i].kind != Kind::Open || is_argument_list(t, i)) continue;
            std::size_t e = matching_close(t, i);
            if (e == std::string::npos) return;
            std::size_t n = e - i - 1;
            bool single = n == 1 && t[i + 1].kind != Kind::Punct;
            bool negative = n == 2 && t[i + 1].kind == Kind::Op && t[i + 1].text == "-" &&
                            t[i + 2].kind == Kind::Number;
            bool whole = i == 0 && e + 1 == t.size();
            bool doubled =
                n >= 2 && t[i + 1].kind == Kind::Open && matching_close(t, i + 1) == e - 1;
            if (single || negative || whole || doubled || is_boolean_operand(t, i, e)) {
                t.erase(t.begin() + static_cast<long>(e));
                t.erase(t.begin() + static_cast<long>(i));
                changed = true;
                break;
            }
        }
    }
}

std::string join_tokens(const std::vector<Tok>& t) {
    std::string out;
    for (const Tok& k : t) {
        if (!out.empty() && word_char(out.back()) && !k.text.empty() &&
            (word_char(k.text.front()) || k.text.front() == '"' || k.text.front() == '\''))
            out += ' ';
        out += k.text;
    }
    return out;
}

class PostgresRules final : public DiffRules {
  public:
    bool same_type(const schema::Column& from, const schema::Column& to) const override {
        return canonical_postgres_type(from.type.sql) == canonical_postgres_type(to.type.sql);
    }
    bool same_default(const std::optional<std::string>& from,
                      const std::optional<std::string>& to) const override {
        // DEFAULT NULL (also NULL::text) is no default at all.
        auto norm = [](const std::optional<std::string>& d) -> std::optional<std::string> {
            if (!d) return std::nullopt;
            std::string n = normalize_postgres_expression(*d);
            if (n == "null") return std::nullopt;
            return n;
        };
        return norm(from) == norm(to);
    }
    bool same_expression(const std::string& from, const std::string& to) const override {
        return normalize_postgres_expression(from) == normalize_postgres_expression(to);
    }
    bool keeps_constraint_names() const override { return true; }
    bool keeps_primary_key_name() const override { return true; }
    bool renames_in_generated_expressions() const override { return true; }
    bool binds_foreign_keys_to_an_index() const override { return true; }
    std::vector<std::string> columns_added_again(const schema::AlterColumn& change,
                                                 const schema::Table& table) const override {
        return schema::columns_added_again(change, table);
    }
    /// CREATE OR REPLACE VIEW may change the query and the options, not the columns'
    /// names, types or order, but it may add columns at the end (the downgrade, which
    /// takes them away, drops and creates the view: codegen/postgres_view_columns.hpp).
    /// A materialized view has no OR REPLACE. ALTER DOMAIN
    /// changes a domain's default, NOT NULL and checks, never its base type or collation.
    bool replaces_in_place(const schema::SqlObject& from,
                           const schema::SqlObject& to) const override {
        if (from.kind == schema::ObjectKind::Domain && to.kind == schema::ObjectKind::Domain)
            return schema::alters_in_place(from, to);
        // DETACH and ATTACH give a partition of the same parent a new bound, rows kept.
        if (from.kind == schema::ObjectKind::Partition && to.kind == schema::ObjectKind::Partition)
            return from.table == to.table;
        // ALTER POLICY changes the roles, USING and WITH CHECK, not FOR or AS.
        if (from.kind == schema::ObjectKind::Policy && to.kind == schema::ObjectKind::Policy)
            return schema::alters_policy_in_place(from, to);
        // ALTER TYPE drops and appends a composite type's attributes (user_type.hpp).
        if (from.kind == schema::ObjectKind::Type && to.kind == schema::ObjectKind::Type)
            return schema::attribute_changes(from, to).has_value();
        // ALTER SEQUENCE changes every fact a declaration states, AS type included.
        if (from.kind == schema::ObjectKind::Sequence && to.kind == schema::ObjectKind::Sequence)
            return schema::sequence_facts(from) && schema::sequence_facts(to);
        // A view keeping its result columns; a function or procedure keeping its
        // arguments (names, defaults) and result: what CREATE OR REPLACE allows.
        const bool replaceable = from.kind == schema::ObjectKind::View ||
                                 from.kind == schema::ObjectKind::Function ||
                                 from.kind == schema::ObjectKind::Procedure;
        if (from.kind == schema::ObjectKind::View && to.kind == schema::ObjectKind::View &&
            to.columns.size() > from.columns.size())
            return std::equal(from.columns.begin(), from.columns.end(), to.columns.begin());
        return replaceable && from.kind == to.kind && from.columns == to.columns;
    }
    /// PostgreSQL stores an enum default as 'label'::type: the cast stays, the label changes.
    std::optional<std::string> default_after_label_rename(
        const std::string& d, const std::string& old_literal,
        const std::string& new_literal) const override {
        if (d.compare(0, old_literal.size(), old_literal) == 0 &&
            (d.size() == old_literal.size() || d.compare(old_literal.size(), 2, "::") == 0))
            return new_literal + d.substr(old_literal.size());
        return std::nullopt;
    }
};

}  // namespace

std::string canonical_postgres_type(std::string_view sql) {
    return canonical_type_tokens(tokenize(sql));
}

std::string normalize_postgres_expression(std::string_view sql) {
    std::vector<Tok> t = tokenize(sql);
    rewrite_names(t);
    rewrite_casts(t);
    rewrite_parentheses(t);
    return join_tokens(t);
}

std::unique_ptr<DiffRules> make_postgres_rules() { return std::make_unique<PostgresRules>(); }

}  // namespace autogen::diff
