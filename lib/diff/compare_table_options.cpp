// Comparator for a table's options: STRICT, WITHOUT ROWID, AUTOINCREMENT (SQLite),
// UNLOGGED and storage parameters (PostgreSQL). Each side keeps them normalised
// (storage parameters sorted "name=value"), so equality is field by field.
#include "diff/table_changes.hpp"

namespace autogen::diff {

using namespace schema;

void compare_table_options(const Table& from, const Table& to, TableChanges& out) {
    if (from.options != to.options)
        out.other.push_back(AlterTableOptions{ref(to), from.options, to.options});
}

}  // namespace autogen::diff
