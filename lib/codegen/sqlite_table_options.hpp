// SQLite's table options (WITHOUT ROWID, STRICT, AUTOINCREMENT), kept in the generic
// schema::Table::dialect_options under keys this header owns. Database-only: read by
// the SQLite inspector, never declared by models nor compared, so that a table rebuild
// creates the table with them again (docs/dialects/sqlite.md, "Table rebuilds").
#pragma once

#include "schema/schema.hpp"

namespace autogen::codegen::sqlite {

/// The options of one table, as flags.
struct TableOptions {
    bool without_rowid = false;
    bool strict = false;
    bool autoincrement = false;  ///< AUTOINCREMENT on its INTEGER PRIMARY KEY

    bool any() const { return without_rowid || strict || autoincrement; }
};

/// The SQLite options `table` carries (none unless the SQLite inspector read them).
TableOptions table_options(const schema::Table& table);

/// Stores `options` in `table` (a flag that is off leaves no key behind, so a table
/// without options has none, as models give it).
void set_table_options(schema::Table& table, const TableOptions& options);

}  // namespace autogen::codegen::sqlite
