// Which columns an ALTER COLUMN drops and adds again on a database that cannot change a
// generated column in place (PostgreSQL before 17: no SET EXPRESSION, no USING on a
// generated column, no ALTER COLUMN ... TYPE under a generated column that reads the
// column). One decision for the PostgreSQL planner, which writes the DROP + ADD and puts
// back what DROP COLUMN takes along, and for the differ, which grants the column
// privileges again and cycles the foreign keys that reference such a column.
#pragma once

#include <string>
#include <vector>

#include "schema/operation.hpp"
#include "schema/schema.hpp"

namespace autogen::schema {

/// Is `change.to` itself dropped and added again: a generated column given a new
/// expression or type, or an ordinary column made generated?
bool regenerates_column(const AlterColumn& change);

/// The stored generated columns of `table` (as it stands before `change`), other than the
/// one `change` alters, that read a column whose type changes: dropped before the change
/// (PostgreSQL: 0A000, "cannot alter type of a column used by a generated column") and
/// added again after it, their values recomputed.
std::vector<const Column*> generated_readers(const AlterColumn& change, const Table& table);

/// The names of every column of `table` that `change` drops and adds again: `change.to`
/// when regenerates_column, then the generated_readers.
std::vector<std::string> columns_added_again(const AlterColumn& change, const Table& table);

}  // namespace autogen::schema
