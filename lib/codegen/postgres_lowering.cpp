// PostgreSQL type mapping and the other model adjustments PostgreSQL needs before planning.
#include "codegen/postgres_lowering.hpp"

#include <algorithm>
#include <cctype>
#include <set>
#include <tuple>
#include <vector>

#include "codegen/lowering_common.hpp"
#include "codegen/postgres_ddl.hpp"
#include "codegen/sql_builder.hpp"
#include "support/sql_scanner.hpp"
#include "support/text.hpp"

namespace autogen::codegen::postgres {

using schema::Logical;

namespace {

/// Whitespace runs collapsed to one blank, none around '(' ')' ',' and none at the ends.
std::string squeeze(std::string_view s) {
    std::string out;
    for (char c : s) {
        if (std::isspace(static_cast<unsigned char>(c))) {
            if (!out.empty() && out.back() != ' ') out += ' ';
            continue;
        }
        if ((c == '(' || c == ')' || c == ',' || c == '[' || c == ']') && !out.empty() &&
            out.back() == ' ')
            out.pop_back();
        if (!out.empty() && out.back() == ' ' && out.size() >= 2 &&
            (out[out.size() - 2] == '(' || out[out.size() - 2] == ','))
            out.pop_back();
        out += c;
    }
    if (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

/// Only "..." quotes a name part ('...' is not a name at all).
const support::SqlQuoting kNameQuoting = [] {
    support::SqlQuoting q = support::SqlQuoting::quotes_only();
    q.single_quotes = false;
    return q;
}();

/// Splits `a.b` / `"a"."b"` into its name parts, PostgreSQL's way (bare parts folded
/// to lower case); empty when the text is anything else.
std::vector<std::string> name_parts(std::string_view s) {
    std::vector<std::string> parts;
    std::size_t i = 0;
    while (i < s.size()) {
        std::string part;
        if (auto quoted = support::quoted_span_at(s, i, kNameQuoting)) {
            if (!quoted->terminated) return {};
            part = support::unquoted(*quoted);
            i = quoted->end;
        } else {
            std::size_t b = i;
            while (i < s.size() &&
                   (std::isalnum(static_cast<unsigned char>(s[i])) || s[i] == '_' || s[i] == '$'))
                ++i;
            if (i == b || std::isdigit(static_cast<unsigned char>(s[b]))) return {};
            part = support::to_lower(s.substr(b, i - b));
        }
        parts.push_back(part);
        if (i == s.size()) break;
        if (s[i] != '.') return {};
        ++i;
    }
    return parts;
}

bool is_builtin_type_word(const std::string& word) {
    static const std::set<std::string> words = {
        "smallint", "integer",   "bigint",      "int",       "int2",        "int4",    "int8",
        "boolean",  "bool",      "real",        "double",    "float",       "float4",  "float8",
        "numeric",  "decimal",   "text",        "character", "char",        "varchar", "bpchar",
        "bytea",    "timestamp", "timestamptz", "date",      "time",        "timetz",  "interval",
        "uuid",     "json",      "jsonb",       "money",     "inet",        "cidr",    "macaddr",
        "xml",      "bit",       "serial",      "bigserial", "smallserial", "oid"};
    return words.count(word) > 0;
}

bool is_integer_logical(Logical l) {
    return l == Logical::SmallInt || l == Logical::Integer || l == Logical::BigInt;
}

bool is_integer_sql(const std::string& sql) {
    std::string t = support::to_lower(squeeze(sql));
    return t == "smallint" || t == "integer" || t == "bigint" || t == "int" || t == "int2" ||
           t == "int4" || t == "int8";
}

/// PostgreSQL keeps 63 bytes of a name (NAMEDATALEN - 1) and cuts the rest silently:
/// a longer constraint or index name would differ from the model's forever. Convention
/// names arrive cut to fit (support/naming.hpp); a longer one was written by hand.
void check_name_length(const schema::Table& t, const std::string& what, const std::string& name,
                       const support::SourceLocation& at, support::Diagnostics& diags) {
    if (name.size() <= 63) return;
    diags.error(support::Category::Model,
                what + " name \"" + name + "\" of table \"" + t.name + "\" is " +
                    std::to_string(name.size()) + " bytes; PostgreSQL keeps 63 and would cut it",
                at.known() ? at : t.location,
                "shorten the name in its annotation (names the [models] naming convention "
                "makes are cut to fit: docs/models.md, \"Long names\")");
}

void check_name_lengths(const schema::Table& t, support::Diagnostics& diags) {
    if (t.primary_key) check_name_length(t, "primary key", t.primary_key->name, t.location, diags);
    for (const auto& u : t.uniques)
        check_name_length(t, "unique constraint", u.name, u.location, diags);
    for (const auto& fk : t.foreign_keys)
        check_name_length(t, "foreign key", fk.name, fk.location, diags);
    for (const auto& ck : t.checks)
        check_name_length(t, "check constraint", ck.name, ck.location, diags);
    for (const auto& ix : t.indexes) check_name_length(t, "index", ix.name, ix.location, diags);
}

/// SQLite's table options on PostgreSQL. AUTOINCREMENT holds as it is (the key is an
/// identity column, whose sequence never hands a number out twice); STRICT and WITHOUT
/// ROWID are SQLite's storage and typing choices, warned about and left out.
void lower_table_options(schema::Table& t, support::Diagnostics& diags) {
    for (auto [on, option, key] :
         {std::tuple{t.options.strict, "STRICT", "strict"},
          std::tuple{t.options.without_rowid, "WITHOUT ROWID", "without_rowid"}})
        if (on)
            diags.warning(
                support::Category::Model,
                "table \"" + t.name + "\" is " + option +
                    ", a SQLite table option PostgreSQL does not have; it is left out "
                    "there",
                t.location,
                std::string("keep '") + key + "' if the models also run on SQLite, else remove it");
    t.options.strict = t.options.without_rowid = t.options.autoincrement = false;
}

void lower_table(schema::Table& t, const schema::Schema& model, support::Diagnostics& diags) {
    check_name_lengths(t, diags);
    lower_table_options(t, diags);
    for (auto& c : t.columns) {
        if (c.type.logical == Logical::Enum) {
            const schema::Enum* e = find_column_enum(model, t, c, diags);
            if (!e) continue;
            if (c.type.sql.empty()) c.type.sql = enum_type_sql(e->schema, e->name);
        }
        if (c.type.sql.empty()) c.type.sql = type_sql(c.type);
        if (c.identity) {
            if (!(is_integer_logical(c.type.logical) || is_integer_sql(c.type.sql)))
                diags.error(
                    support::Category::Model,
                    "identity column \"" + t.name + "\".\"" + c.name + "\" has type " + c.type.sql +
                        "; PostgreSQL identity columns are SMALLINT, INTEGER or BIGINT",
                    c.location, "make the field an integer (std::int64_t) or drop 'identity'");
            if (c.server_default)
                diags.error(
                    support::Category::Model,
                    "identity column \"" + t.name + "\".\"" + c.name +
                        "\" also has a server_default",
                    c.location,
                    "drop one of 'identity' and 'server_default': PostgreSQL accepts only one");
            c.nullable = false;  // PostgreSQL makes every identity column NOT NULL
        }
        if (c.generated && c.generated_virtual)
            diags.error(support::Category::Model,
                        "generated column \"" + t.name + "\".\"" + c.name +
                            "\" is VIRTUAL, but PostgreSQL 15 computes generated columns only "
                            "as STORED",
                        c.location,
                        "remove 'virtual' (the column is then STORED on every dialect), or keep "
                        "this model to SQLite (dialects = [\"sqlite\"])");
    }
    // A primary key makes its columns NOT NULL; the model says so too, so that the
    // lowered model and the inspected database agree.
    if (t.primary_key)
        for (const auto& name : t.primary_key->columns)
            if (schema::Column* c = t.find_column(name)) c->nullable = false;
}

}  // namespace

std::string enum_type_sql(const std::string& schema_name, const std::string& name) {
    return schema_name.empty() || schema_name == "public" ? quote_identifier(name)
                                                          : qualified_name(schema_name, name);
}

std::string type_sql(const schema::ColumnType& type, const std::string& enum_schema) {
    switch (type.logical) {
        case Logical::None:
            return type.sql;
        case Logical::Boolean:
            return "BOOLEAN";
        case Logical::SmallInt:
            return "SMALLINT";
        case Logical::Integer:
            return "INTEGER";
        case Logical::BigInt:
            return "BIGINT";
        case Logical::Real:
            return "REAL";
        case Logical::Double:
            return "DOUBLE PRECISION";
        case Logical::Text:
            return type.length ? "VARCHAR(" + std::to_string(*type.length) + ")" : "TEXT";
        case Logical::Blob:
            return "BYTEA";
        case Logical::TimestampTz:
            return "TIMESTAMP WITH TIME ZONE";
        case Logical::Date:
            return "DATE";
        case Logical::Enum:
            return enum_type_sql(enum_schema, type.enum_name);
    }
    return type.sql;
}

std::string default_primary_key_name(std::string_view table) {
    // NAMEDATALEN - 1 = 63 bytes in all; "_pkey" takes 5. Never cut inside a UTF-8
    // sequence (PostgreSQL cuts at a character boundary too).
    std::size_t keep = std::min<std::size_t>(table.size(), 63 - 5);
    while (keep > 0 && keep < table.size() &&
           (static_cast<unsigned char>(table[keep]) & 0xC0) == 0x80)
        --keep;
    return std::string(table.substr(0, keep)) + "_pkey";
}

std::string display_type(std::string_view sql) {
    std::string t = squeeze(sql);
    std::string low = support::to_lower(t);
    std::size_t word_end = 0;
    while (word_end < low.size() &&
           (std::isalnum(static_cast<unsigned char>(low[word_end])) || low[word_end] == '_'))
        ++word_end;
    if (t.find('"') == std::string::npos && t.find('.') == std::string::npos &&
        is_builtin_type_word(low.substr(0, word_end))) {
        std::string out = support::to_upper(t);
        if (out.rfind("CHARACTER VARYING", 0) == 0)
            out = "VARCHAR" + out.substr(17);
        else if (out.rfind("CHARACTER(", 0) == 0)
            out = "CHAR" + out.substr(9);
        return out;
    }
    auto parts = name_parts(t);
    if (parts.empty()) return t;
    std::string out;
    for (std::size_t i = 0; i < parts.size(); ++i)
        out += (i ? "." : "") + quote_identifier(parts[i]);
    return out;
}

bool names_enum(std::string_view type_sql, const std::string& schema_name,
                const std::string& name) {
    auto parts = name_parts(squeeze(type_sql));
    if (parts.size() == 1)
        return parts[0] == name && (schema_name.empty() || schema_name == "public");
    if (parts.size() == 2)
        return parts[1] == name &&
               (parts[0] == schema_name || (parts[0] == "public" && schema_name.empty()));
    return false;
}

schema::Schema lower(const schema::Schema& model, support::Diagnostics& diags) {
    schema::Schema out = model;
    for (auto& t : out.tables) {
        lower_table(t, model, diags);
        validate_table_sql(t, diags);
    }
    return out;
}

}  // namespace autogen::codegen::postgres
