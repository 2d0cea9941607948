// The generic differ: Schema x Schema -> operations. It walks enums, tables, columns,
// keys, indexes and constraints in a fixed order and never names a dialect; what
// "equal" means per database comes from DiffRules (ARCHITECTURE 3).
#pragma once

#include <vector>

#include "diff/diff_rules.hpp"
#include "schema/operation.hpp"
#include "schema/schema.hpp"

namespace autogen::diff {

/// The operations that turn `from` (the database, or the migration chain) into `to`
/// (the models). Both schemas must be lowered by the same dialect. Ordered so that
/// each operation's dependencies exist: new enums and new or renamed labels, table
/// renames, new tables (referenced ones first, then the foreign keys that close a
/// reference cycle), changes inside existing tables, dropped tables (a cycle's closing
/// keys first, then referencing tables first), removed labels, dropped enums.
/// schema::reverse() of the result is a valid downgrade: what runs first in one
/// direction (a label added) runs last in the other (the label removed).
std::vector<schema::Operation> diff(const schema::Schema& from, const schema::Schema& to,
                                    const DiffRules& rules);

}  // namespace autogen::diff
