// The owners' part of compare_objects (docs/objects.md "Owners"): ALTER ... OWNER TO the
// declared role after the object exists, back to the role that runs the migrations when
// the declaration goes.
#pragma once

#include <set>
#include <string>

#include "diff/table_changes.hpp"

namespace autogen::diff {

/// Appends to `out.first` (at its front) the owners that go (DropObject: OWNER TO the
/// role that runs the migrations, or nothing when their object is dropped: a reason
/// then) and to `out.last` the owners that come or change (CreateObject, ReplaceObject).
/// `gone` and `again` as compare_grants takes them. A renamed table keeps its owner; an
/// object created or created again gets OWNER TO after its CREATE (a reason says so,
/// and the downgrade, which drops it, writes nothing for it).
void compare_owners(const schema::Schema& from, const schema::Schema& to,
                    const std::vector<schema::Operation>& table_ops,
                    const std::set<std::string>& gone, const std::set<std::string>& again,
                    ObjectChanges& out);

}  // namespace autogen::diff
