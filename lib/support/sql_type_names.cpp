#include "support/sql_type_names.hpp"

#include <map>

namespace autogen::support {

namespace {

/// Every other spelling of a built-in type -> the standard's. Serial types are not here:
/// they are a column shorthand (a type and a default), not a type's name.
const std::map<std::string, std::string>& aliases() {
    static const std::map<std::string, std::string> m = {
        {"int", "integer"},
        {"int4", "integer"},
        {"int2", "smallint"},
        {"int8", "bigint"},
        {"bool", "boolean"},
        {"float4", "real"},
        {"float8", "double precision"},
        {"float", "double precision"},
        {"varchar", "character varying"},
        {"char varying", "character varying"},
        {"char", "character"},
        {"bpchar", "character"},
        {"decimal", "numeric"},
        {"dec", "numeric"},
        {"timestamptz", "timestamp with time zone"},
        {"timestamp", "timestamp without time zone"},
        {"timetz", "time with time zone"},
        {"time", "time without time zone"},
        {"varbit", "bit varying"},
    };
    return m;
}

/// The standard's names that have a shorter spelling in common use.
const std::map<std::string, std::string>& short_names() {
    static const std::map<std::string, std::string> m = {
        {"character varying", "varchar"},
        {"character", "char"},
        {"timestamp without time zone", "timestamp"},
        {"timestamp with time zone", "timestamptz"},
        {"time without time zone", "time"},
        {"time with time zone", "timetz"},
        {"bit varying", "varbit"},
    };
    return m;
}

/// The catalog's names of the built-in base types whose array types a name `_<name>`
/// gives (pg_type.typname; the aliases() above cover the rest).
bool is_catalog_base_type(const std::string& name) {
    static const char* const kNames[] = {
        "bool",        "bytea",     "char",     "name",     "int2",    "int4",      "int8",
        "text",        "oid",       "json",     "jsonb",    "xml",     "float4",    "float8",
        "money",       "bpchar",    "varchar",  "date",     "time",    "timetz",    "timestamp",
        "timestamptz", "interval",  "bit",      "varbit",   "numeric", "uuid",      "inet",
        "cidr",        "macaddr",   "tsvector", "tsquery",  "point",   "int4range", "int8range",
        "numrange",    "daterange", "tsrange",  "tstzrange"};
    for (const char* n : kNames)
        if (name == n) return true;
    return false;
}

}  // namespace

std::string catalog_type_name(const std::string& name) {
    // The catalog schema is first on every search path: its types print bare.
    static const std::string kCatalog = "pg_catalog.";
    std::string bare = name.rfind(kCatalog, 0) == 0 ? name.substr(kCatalog.size()) : name;
    const bool qualified = bare.size() != name.size();
    // "char" (pg_type's one-byte type) is not CHAR (character): quoted or qualified, the
    // name is the catalog's, which prints it quoted.
    if (bare == "\"char\"" || (qualified && bare == "char")) return "\"char\"";
    if (bare.size() > 1 && bare[0] == '_' && is_catalog_base_type(bare.substr(1)))
        return catalog_type_name(kCatalog + bare.substr(1)) + "[]";
    return qualified ? standard_type_name(bare) : name;
}

std::string standard_type_name(const std::string& words) {
    auto it = aliases().find(words);
    return it == aliases().end() ? words : it->second;
}

bool is_builtin_type_name(const std::string& words) {
    if (aliases().count(words)) return true;
    for (const auto& [alias, standard] : aliases())
        if (standard == words) return true;
    return false;
}

std::string short_type_name(const std::string& words) {
    const std::string standard = standard_type_name(words);
    auto it = short_names().find(standard);
    return it == short_names().end() ? standard : it->second;
}

}  // namespace autogen::support
