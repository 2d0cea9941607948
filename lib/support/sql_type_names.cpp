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

}  // namespace

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
