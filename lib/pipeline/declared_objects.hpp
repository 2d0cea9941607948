// The objects a project declares in SQL ([models] sql, docs/objects.md): views and
// materialized views, each a CREATE statement in a .sql file. Read here, next to the
// scan of the C++ models, into Schema::objects; normalised through the scratch database
// like the tables (materialize.hpp), then compared by the differ.
#pragma once

#include <optional>
#include <vector>

#include "schema/schema.hpp"
#include "support/config.hpp"
#include "support/diagnostics.hpp"

namespace autogen::pipeline {

/// The objects the files of [models] sql declare, each with the statement as written and
/// its file:line:col, in an order where every object comes after the declared objects it
/// reads (then file and statement order). A statement that is not a declaration autogen
/// knows, a name declared twice, a cycle of objects reading each other, an unreadable
/// file: a Model error each (all of them reported), and nullopt.
std::optional<std::vector<schema::SqlObject>> read_declared_objects(const support::Config& config,
                                                                    support::Diagnostics& diags);

/// `snapshot`'s declared objects (migrations/autogen.sum keeps each one's statement) as
/// read_declared_objects reads that statement: the same definition and facts (a schema's,
/// a sequence's options), so that models compared with the snapshot without a database
/// differ only where the files changed. Grants are kept as they are.
void redeclare_snapshot_objects(schema::Schema& snapshot);

}  // namespace autogen::pipeline
