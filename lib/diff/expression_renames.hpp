// Column renames inside an expression (a generated column's), so that the differ sees
// an expression that changed only by a renamed column as unchanged: the databases
// rewrite it themselves on RENAME COLUMN (PostgreSQL keeps the parsed expression,
// SQLite edits the table's text), both ways.
#pragma once

#include <map>
#include <string>

namespace autogen::diff {

/// `expression` with every column name that is a key of `renamed` (old -> new) replaced
/// by the new one, quoted, the rest as written. Unchanged when no name is renamed.
std::string with_renamed_columns_in(const std::string& expression,
                                    const std::map<std::string, std::string>& renamed);

}  // namespace autogen::diff
