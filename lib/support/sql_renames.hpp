// Names renamed inside SQL text: a generated column's expression after a column rename
// (the differ sees an expression that changed only by a renamed column as unchanged: the
// databases rewrite it themselves on RENAME COLUMN, PostgreSQL keeping the parsed
// expression, SQLite editing the table's text), and a view's query after its table's
// rename (SQLite's RENAME TO rewrites the views reading the table; a rebuild that drops
// and creates them again must write them as the rename left them).
#pragma once

#include <map>
#include <string>

namespace autogen::support {

/// `sql` with every name that is a key of `renamed` (old -> new) replaced by the new one,
/// quoted, the rest as written: a quoted name matched exactly, an unquoted one also in
/// lower case. String literals are kept. Unchanged when no name is renamed.
std::string with_names_renamed(const std::string& sql,
                               const std::map<std::string, std::string>& renamed);

}  // namespace autogen::support
