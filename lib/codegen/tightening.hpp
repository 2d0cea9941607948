// Data-safe tightening (issue 5), shared by every dialect's planner: a column that
// becomes NOT NULL gets its NULLs replaced by its server default first; without a
// default, the statement carries a warning and a commented-out UPDATE for the author
// to fill in (docs/dialects/postgresql.md, docs/dialects/sqlite.md).
#pragma once

#include <string>

namespace autogen::codegen {

/// `UPDATE <table> SET <column> = <value> WHERE <column> IS NULL`; `table` and `column`
/// already quoted, `value` a SQL expression.
std::string fill_nulls_sql(const std::string& table, const std::string& column,
                           const std::string& value);

/// The comment lines (without "-- ") above a statement that makes `column` NOT NULL
/// while it has no server default: what fails, and the UPDATE to uncomment.
std::string tightening_without_default_comment(const std::string& table, const std::string& column);

}  // namespace autogen::codegen
