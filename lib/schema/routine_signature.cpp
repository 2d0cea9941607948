// identity_types() and the routine keys over it (routine_signature.hpp).
#include "routine_signature.hpp"

#include <cstdlib>
#include <unordered_map>
#include <vector>

#include "support/sql_tokens.hpp"
#include "support/sql_type_names.hpp"
#include "support/text.hpp"

namespace autogen::schema {

namespace {

using support::Token;
using support::TokenKind;
using support::TokenRange;

/// The first word of a type PostgreSQL spells in several words ("double precision").
bool starts_long_type(const Token& t) {
    for (const char* w : {"DOUBLE", "CHARACTER", "CHAR", "BIT", "TIMESTAMP", "TIME", "INTERVAL",
                          "NATIONAL", "NCHAR"})
        if (t.is(w)) return true;
    return false;
}

/// A word that continues such a type after its first ("precision", "varying", "with").
bool continues_type(const Token& t) {
    for (const char* w : {"PRECISION", "VARYING", "WITH", "WITHOUT", "CHARACTER", "CHAR", "YEAR",
                          "MONTH", "DAY", "HOUR", "MINUTE", "SECOND"})
        if (t.is(w)) return true;
    return false;
}

/// A name as PostgreSQL prints it: bare when an unquoted spelling reads back the same.
/// A quoted "char" is the catalog's one-byte type, which an unquoted char is not.
std::string printed_name(const Token& t) {
    if (t.kind == TokenKind::Word) return support::to_lower(t.text);
    bool bare = !t.text.empty() && !(t.text[0] >= '0' && t.text[0] <= '9') && t.text != "char";
    for (char c : t.text)
        bare = bare && ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_');
    return bare ? t.text : "\"" + t.text + "\"";
}

/// An INTERVAL's fields (`interval day to second`): a type modifier, no part of the type.
bool interval_field(const Token& t) {
    for (const char* w : {"YEAR", "MONTH", "DAY", "HOUR", "MINUTE", "SECOND", "TO"})
        if (t.is(w)) return true;
    return false;
}

/// One argument's type (mode, name and default dropped), or "" for an OUT argument.
std::string argument_type(TokenRange a) {
    std::size_t i = 0;
    if (i < a.size() && a[i].is("OUT")) return "";
    if (i < a.size() && (a[i].is("IN") || a[i].is("INOUT") || a[i].is("VARIADIC"))) ++i;
    // The default: DEFAULT expr or = expr.
    std::size_t end = a.size();
    for (std::size_t k = i; k < a.size(); ++k)
        if (a[k].is("DEFAULT") || a[k].is('=')) {
            end = k;
            break;
        }
    // A name comes first when another name follows it that does not continue a type
    // (`integer ARRAY` is an array of integer, no argument named integer).
    if (i + 1 < end && a[i].is_name() && a[i + 1].is_name() && !a[i + 1].is("ARRAY") &&
        !(a[i].kind == TokenKind::Word && starts_long_type(a[i]) && continues_type(a[i + 1])))
        ++i;
    // The type's words (qualified names joined by '.'), its modifiers dropped. An array
    // of any dimensions (`int[3][]`, `integer ARRAY[4]`) is one array type, as PostgreSQL
    // keeps it. `t.col%TYPE` stays as written: only the database knows the column's type.
    std::string words;
    bool array = false;
    for (std::size_t k = i; k < end; ++k) {
        const Token& t = a[k];
        if (t.is('(') || t.is('[')) {
            const char close = t.is('(') ? ')' : ']';
            if (t.is('[')) array = true;
            // FLOAT(p) is real up to 24 binary digits, double precision beyond.
            if (words == "float" && k + 1 < end && a[k + 1].kind == TokenKind::Number &&
                std::atoi(a[k + 1].text.c_str()) <= 24)
                words = "real";
            while (k < end && !a[k].is(close)) ++k;
            continue;
        }
        if (t.is("ARRAY")) {
            array = true;
            continue;
        }
        if (words == "interval" && interval_field(t)) continue;
        if (t.is('.') || t.is('%')) {
            words += t.text;
            continue;
        }
        if (!words.empty() && words.back() == '%') {
            words += t.upper;  // %TYPE
            continue;
        }
        if (!words.empty() && words.back() != '.') words += ' ';
        words += printed_name(t);
    }
    // pg_catalog.int4, _int4: the built-in type's standard name.
    words = support::catalog_type_name(words);
    // The default schema is on every search path: the catalog names its types bare.
    if (words.rfind("public.", 0) == 0) words = words.substr(7);
    words = support::standard_type_name(words);
    const bool arrayed = words.size() > 2 && words.compare(words.size() - 2, 2, "[]") == 0;
    return array && !arrayed ? words + "[]" : words;
}

/// identity_types of the tokens of an argument list.
std::string types_of(TokenRange list) {
    std::string out;
    for (const auto& a : list.split_commas()) {
        const std::string type = argument_type(a);
        if (type.empty()) continue;
        out += (out.empty() ? "" : ", ") + type;
    }
    return out;
}

TokenRange whole(const std::vector<Token>& tokens) {
    return {tokens.data(), tokens.data() + tokens.size()};
}

}  // namespace

std::string identity_types(std::string_view argument_list) {
    if (argument_list.empty()) return {};
    // SqlObject::identity() asks for every routine in the differ's loops over the objects:
    // each list is read once per thread.
    thread_local std::unordered_map<std::string, std::string> read;
    const std::string key(argument_list);
    if (auto it = read.find(key); it != read.end()) return it->second;
    if (read.size() > 4096) read.clear();
    const auto tokens = support::tokenize(argument_list, support::SqlQuoting::portable());
    return read.emplace(key, types_of(whole(tokens))).first->second;
}

std::string declared_identity_types(std::string_view create_sql) {
    const auto tokens = support::tokenize(create_sql, support::SqlQuoting::portable());
    const TokenRange r = whole(tokens);
    // The argument list is the first parenthesis: CREATE [OR REPLACE] FUNCTION name (...).
    std::size_t open = 0;
    while (open < r.size() && !r[open].is('(')) ++open;
    if (open == r.size()) return "";
    std::size_t close = open;
    for (int depth = 0; close < r.size(); ++close) {
        if (r[close].is('(')) ++depth;
        if (r[close].is(')') && --depth == 0) break;
    }
    return types_of({r.begin + open + 1, r.begin + (close < r.size() ? close : r.size())});
}

std::optional<std::string> granted_identity_types(std::string_view grant_sql,
                                                  const std::string& name) {
    const auto tokens = support::tokenize(grant_sql, support::SqlQuoting::portable());
    const TokenRange r = whole(tokens);
    for (std::size_t i = 0; i + 1 < r.size(); ++i) {
        const bool named = (r[i].kind == TokenKind::Word && support::to_lower(r[i].text) == name) ||
                           (r[i].kind == TokenKind::Name && r[i].text == name);
        if (!named) continue;
        if (!r[i + 1].is('(')) return std::nullopt;
        std::size_t close = i + 1;
        for (int depth = 0; close < r.size(); ++close) {
            if (r[close].is('(')) ++depth;
            if (r[close].is(')') && --depth == 0) break;
        }
        return types_of({r.begin + i + 2, r.begin + (close < r.size() ? close : r.size())});
    }
    return std::nullopt;
}

std::string routine_identity(const std::string& schema, const std::string& name,
                             std::string_view arguments) {
    SqlObject o{.kind = ObjectKind::Function, .schema = schema, .name = name};
    return o.qualified_name() + "(" + identity_types(arguments) + ")";
}

bool is_routine(const SqlObject& o) {
    return o.kind == ObjectKind::Function || o.kind == ObjectKind::Procedure;
}

}  // namespace autogen::schema
