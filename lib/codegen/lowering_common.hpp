// What every dialect's lowering (models -> the dialect's column types) shares.
#pragma once

#include "schema/schema.hpp"
#include "support/diagnostics.hpp"

namespace autogen::codegen {

/// The enum an enum-typed column `c` of table `t` uses: the one in the table's schema,
/// else the one of that name in any schema. nullptr, after a Model error naming the
/// column and the fix, when the models declare no such enum.
const schema::Enum* find_column_enum(const schema::Schema& model, const schema::Table& t,
                                     const schema::Column& c, support::Diagnostics& diags);

/// Reports (into `diags`) every default, check, type or index expression of `table`
/// that would not stay in its place in a statement (sql_builder's is_self_contained_sql,
/// the same for every dialect); false if there was any.
bool validate_table_sql(const schema::Table& table, support::Diagnostics& diags);

}  // namespace autogen::codegen
