// Rename hints: a diff that drops a column (or table) and adds one with the same
// definition may be looking at an undeclared rename, which would lose the data. The
// hint says so and shows the `renamed_from` annotation that keeps it; `revision`,
// `diff` and `check` print it, and the revision file carries it as a comment.
#pragma once

#include <string>
#include <vector>

#include "diff/diff_rules.hpp"
#include "schema/operation.hpp"
#include "schema/schema.hpp"

namespace autogen::diff {

/// A dropped column or table and an added one that could be the same thing renamed.
struct RenameHint {
    enum class Kind { Column, Table };
    Kind kind = Kind::Column;
    schema::TableRef table;  ///< for a column: its table; for a table: the added table
    std::string from;        ///< the dropped name
    std::string to;          ///< the added name
};

/// The hints of `ops` (one diff): per table, each dropped column paired with the first
/// added column of the same definition (type, nullability, default, identity,
/// collation, as `rules` compares them); each dropped table with the first added table
/// in the same schema whose columns are the same (names and definitions, in order). A
/// drop or an add is used in at most one hint.
std::vector<RenameHint> rename_hints(const std::vector<schema::Operation>& ops,
                                     const DiffRules& rules);

/// A `renamed_from` the diff cannot follow: the model's name and the one it was renamed
/// from both exist in the database (a swap of two names, or an annotation left after a
/// rename done by hand). The differ keeps the column or table of the same name and
/// ignores the annotation; `revision` says so, at the annotation.
struct IgnoredRename {
    const schema::Table* table = nullptr;    ///< the model's table
    const schema::Column* column = nullptr;  ///< the model's column; null for the table itself
};

/// The ignored renames of `to` (the models) against `from` (a database).
std::vector<IgnoredRename> ignored_renames(const schema::Schema& from, const schema::Schema& to);

}  // namespace autogen::diff
