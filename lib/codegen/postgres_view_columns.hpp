// A view that loses result columns (PostgreSQL). CREATE OR REPLACE VIEW may append
// columns at the end of a view, so the differ replaces a view in place when its new query
// keeps every old column and adds some after them (DiffRules::replaces_in_place). The
// reverse, the downgrade's, would take them away again, which PostgreSQL refuses ("cannot
// drop columns from view"): the view is dropped and created again, and so is everything
// bound to it that the revision does not drop or create itself (a view reading it, an
// INSTEAD OF trigger on it), with their comments, grants and owners.
#pragma once

#include <vector>

#include "schema/operation.hpp"
#include "schema/schema.hpp"

namespace autogen::codegen::postgres {

/// `ops`, planned from `from` to `to`, with each ReplaceObject of a view that loses
/// columns turned into the drops and creations above (the rest unchanged, in order).
std::vector<schema::Operation> with_view_columns_removed(const std::vector<schema::Operation>& ops,
                                                         const schema::Schema& from,
                                                         const schema::Schema& to);

}  // namespace autogen::codegen::postgres
