// Offline mode (`upgrade --sql`, `downgrade --sql`): the SQL the runner would execute
// to move from given heads to a target, printed instead of run, with the version-table
// statements inlined, so a DBA can review or apply it without autogen.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "migrate/revision_graph.hpp"
#include "migrate/runner.hpp"
#include "support/diagnostics.hpp"

namespace autogen::migrate {

/// The script for moving from `from` (the heads the database is assumed to be at;
/// empty = base) to `target` in `direction`, for options.dialect (required):
/// CREATE TABLE IF NOT EXISTS for the version table, then per revision a comment
/// naming it, BEGIN, its section's SQL, the version change with literal values, COMMIT
/// (a no-transaction section runs before its own BEGIN ... COMMIT of the version
/// change). Errors as for upgrade()/downgrade(): Usage for targets, MigrationFile for a
/// missing section.
std::optional<std::string> offline_sql(const RevisionGraph& graph, Direction direction,
                                       const std::vector<std::string>& from,
                                       std::string_view target, const RunOptions& options,
                                       support::Diagnostics& diags);

}  // namespace autogen::migrate
