// Column privileges that a statement of the revision takes along without naming them
// (docs/objects.md "Privileges"). PostgreSQL's `REVOKE p ON TABLE t FROM r` also revokes p
// on every column of t from r, and DROP COLUMN takes the column's privileges (a generated
// column given a new expression is dropped and added again). A column privilege both
// sides hold is then gone where nothing grants it again: this grants it again after, in
// the direction (upgrade, downgrade or both) that loses it.
#pragma once

#include <vector>

#include "diff/diff_rules.hpp"
#include "diff/table_changes.hpp"

namespace autogen::diff {

/// How the reason of a DropObject made here starts: the upgrade writes nothing for it,
/// the downgrade grants the privilege again after the statement that took it.
inline constexpr const char* kDowngradeRegrant = "the downgrade's ";

/// Adds to `out` (the grant operations compare_grants made) for each column privilege
/// that `from` and `to` both hold and the upgrade loses, a GRANT after everything
/// (CreateObject with a reason: the downgrade writes nothing for it), and for each one the
/// downgrade loses, a DropObject with a reason before everything (the upgrade writes
/// nothing; the downgrade grants it last).
void grant_column_privileges_again(const schema::Schema& from, const schema::Schema& to,
                                   const std::vector<schema::Operation>& table_ops,
                                   const DiffRules& rules, ObjectChanges& out);

}  // namespace autogen::diff
