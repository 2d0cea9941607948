// SQLite CREATE TABLE / CREATE INDEX rendering through the quoting builder.
#include "codegen/sqlite_ddl.hpp"

#include <algorithm>
#include <cctype>

#include "codegen/sql_builder.hpp"
#include "support/text.hpp"

namespace autogen::codegen::sqlite {

namespace {

bool is_numeric_literal(std::string_view s) {
    if (!s.empty() && (s.front() == '+' || s.front() == '-')) s.remove_prefix(1);
    if (s.empty()) return false;
    if (s.size() > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X'))
        return std::all_of(s.begin() + 2, s.end(),
                           [](char c) { return std::isxdigit(static_cast<unsigned char>(c)); });
    bool digit = false, dot = false, exp = false;
    for (std::size_t i = 0; i < s.size(); ++i) {
        char c = s[i];
        if (std::isdigit(static_cast<unsigned char>(c))) {
            digit = true;
        } else if (c == '.' && !dot && !exp) {
            dot = true;
        } else if ((c == 'e' || c == 'E') && digit && !exp) {
            exp = true;
            digit = false;
            if (i + 1 < s.size() && (s[i + 1] == '+' || s[i + 1] == '-')) ++i;
        } else {
            return false;
        }
    }
    return digit;
}

bool is_quoted_literal(std::string_view s) {
    // 'text' or X'ABCD', with no unescaped quote inside.
    if (s.size() >= 3 && (s[0] == 'x' || s[0] == 'X') && s[1] == '\'') s.remove_prefix(1);
    if (s.size() < 2 || s.front() != '\'' || s.back() != '\'') return false;
    for (std::size_t i = 1; i + 1 < s.size(); ++i) {
        if (s[i] == '\'') {
            if (i + 2 < s.size() && s[i + 1] == '\'')
                ++i;
            else
                return false;
        }
    }
    return true;
}

bool is_literal(std::string_view expr, bool allow_current) {
    std::string e = support::trimmed(expr);
    std::string u = support::to_upper(e);
    if (u == "NULL" || u == "TRUE" || u == "FALSE") return true;
    if (u == "CURRENT_TIME" || u == "CURRENT_DATE" || u == "CURRENT_TIMESTAMP")
        return allow_current;
    return is_numeric_literal(e) || is_quoted_literal(e);
}

/// "CONSTRAINT "name" " before a constraint, or "" for an unnamed one.
std::string named(const std::string& name) {
    return name.empty() ? std::string() : "CONSTRAINT " + quote_identifier(name) + " ";
}

}  // namespace

std::string affinity(std::string_view declared_type) {
    std::string t = support::to_upper(declared_type);
    if (t.find("INT") != std::string::npos) return "INTEGER";
    if (t.find("CHAR") != std::string::npos || t.find("CLOB") != std::string::npos ||
        t.find("TEXT") != std::string::npos)
        return "TEXT";
    if (t.find("BLOB") != std::string::npos || support::trimmed(t).empty()) return "BLOB";
    if (t.find("REAL") != std::string::npos || t.find("FLOA") != std::string::npos ||
        t.find("DOUB") != std::string::npos)
        return "REAL";
    return "NUMERIC";
}

bool is_rowid_alias(const schema::Table& table, const schema::Column& column) {
    return !table.options.without_rowid && table.primary_key &&
           table.primary_key->columns.size() == 1 &&
           table.primary_key->columns.front() == column.name &&
           support::to_upper(support::trimmed(column.type.sql)) == "INTEGER";
}

bool strict_allows(std::string_view type) {
    const std::string t = support::to_lower(support::trimmed(type));
    return t == "int" || t == "integer" || t == "real" || t == "text" || t == "blob" || t == "any";
}

std::string default_clause_value(std::string_view expr) {
    std::string e = support::trimmed(expr);
    return is_literal(e, true) ? e : "(" + e + ")";
}

bool is_constant_default(std::string_view expr) { return is_literal(expr, false); }

std::string column_definition(const schema::Table& table, const schema::Column& column) {
    std::string out = quote_identifier(column.name);
    if (!column.type.sql.empty()) out += " " + column.type.sql;
    if (!column.nullable) out += " NOT NULL";
    if (is_rowid_alias(table, column))
        out += " " + named(table.primary_key->name) +
               (table.options.autoincrement ? "PRIMARY KEY AUTOINCREMENT" : "PRIMARY KEY");
    if (column.server_default && !column.generated)
        out += " DEFAULT " + default_clause_value(*column.server_default);
    if (column.collation && !column.collation->empty())
        out += " COLLATE " + quote_identifier(*column.collation);
    if (column.generated)
        out += " GENERATED ALWAYS AS (" + support::trimmed(*column.generated) +
               (column.generated_virtual ? ") VIRTUAL" : ") STORED");
    return out;
}

std::string create_table_sql(const schema::Table& table, std::string_view name_override) {
    std::vector<std::string> parts;
    for (const auto& c : table.columns) parts.push_back(column_definition(table, c));
    if (table.primary_key && !table.primary_key->columns.empty()) {
        const auto* only = table.primary_key->columns.size() == 1
                               ? table.find_column(table.primary_key->columns.front())
                               : nullptr;
        // The rowid alias carries PRIMARY KEY inline; any other key is a table constraint.
        if (!only || !is_rowid_alias(table, *only))
            parts.push_back(named(table.primary_key->name) + "PRIMARY KEY (" +
                            column_list(table.primary_key->columns) + ")");
    }
    for (const auto& u : table.uniques)
        parts.push_back(named(u.name) + "UNIQUE (" + column_list(u.columns) + ")");
    for (const auto& fk : table.foreign_keys) {
        std::string s = named(fk.name) + "FOREIGN KEY (" + column_list(fk.columns) +
                        ") REFERENCES " + quote_identifier(fk.ref_table);
        if (!fk.ref_columns.empty()) s += " (" + column_list(fk.ref_columns) + ")";
        parts.push_back(s + referential_actions_clause(fk));
    }
    for (const auto& ck : table.checks)
        parts.push_back(named(ck.name) + "CHECK (" + support::trimmed(ck.expression) + ")");

    std::string sql = "CREATE TABLE " +
                      quote_identifier(name_override.empty() ? table.name : name_override) + " (";
    for (std::size_t i = 0; i < parts.size(); ++i) sql += (i ? ",\n    " : "\n    ") + parts[i];
    sql += "\n)";
    std::vector<std::string> options;
    if (table.options.without_rowid) options.push_back("WITHOUT ROWID");
    if (table.options.strict) options.push_back("STRICT");
    for (std::size_t i = 0; i < options.size(); ++i) sql += (i ? ", " : " ") + options[i];
    return sql;
}

std::string drop_object_sql(const schema::SqlObject& object) {
    return "DROP " + schema::to_upper_kind(object.kind) + " " + quote_identifier(object.name);
}

std::string create_index_sql(std::string_view table_name, const schema::Index& index) {
    std::string sql = std::string("CREATE ") + (index.unique ? "UNIQUE " : "") + "INDEX " +
                      quote_identifier(index.name) + " ON " + quote_identifier(table_name) + " (" +
                      index_key_list(index) + ")";
    if (!support::trimmed(index.where).empty()) sql += " WHERE " + support::trimmed(index.where);
    return sql;
}

}  // namespace autogen::codegen::sqlite
