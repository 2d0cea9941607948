// The grants' part of compare_objects (docs/objects.md "Privileges"): privileges a grant
// loses are revoked before the table changes, those it gains granted after them, never
// REVOKE ALL + GRANT.
#pragma once

#include <set>
#include <string>

#include "diff/table_changes.hpp"

namespace autogen::diff {

/// Appends the REVOKEs (DropObject of a grant holding only the privileges to revoke) to
/// `out.first` and the GRANTs (CreateObject holding only those to grant) to `out.last`.
/// `gone`: the object keys (compare_objects) of the objects of `from` the revision drops,
/// `again`: those of them it creates again. A grant on what is dropped goes with it (no
/// REVOKE); one on what is created again is granted again whole after it.
void compare_grants(const schema::Schema& from, const schema::Schema& to,
                    const std::vector<schema::Operation>& table_ops,
                    const std::set<std::string>& gone, const std::set<std::string>& again,
                    ObjectChanges& out);

}  // namespace autogen::diff
