// The statements and comments of data-safe tightening.
#include "codegen/tightening.hpp"

namespace autogen::codegen {

std::string fill_nulls_sql(const std::string& table, const std::string& column,
                           const std::string& value) {
    return "UPDATE " + table + " SET " + column + " = " + value + " WHERE " + column + " IS NULL";
}

std::string tightening_without_default_comment(const std::string& table,
                                               const std::string& column) {
    return "WARNING: " + table + "." + column +
           " becomes NOT NULL and has no server default: rows where it is NULL make this fail.\n"
           "Fill them first: replace <value> and uncomment the next line.\n" +
           fill_nulls_sql(table, column, "<value>") + ";";
}

}  // namespace autogen::codegen
