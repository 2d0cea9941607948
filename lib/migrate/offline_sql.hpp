// Offline mode (`upgrade --sql`, `downgrade --sql`): the SQL the runner would execute
// to move from given heads to a target, printed instead of run, with the version-table
// statements inlined, so a DBA can review or apply it without autogen.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "db/script_frame.hpp"
#include "migrate/revision_graph.hpp"
#include "migrate/runner.hpp"
#include "support/diagnostics.hpp"

namespace autogen::migrate {

/// The script for moving from `from` (the heads the database is assumed to be at;
/// empty = base) to `target` in `direction`, for options.dialect (required), with the
/// rules the runner keeps written out by `frame` (the dialect's db::ScriptFrame):
/// frame.lock; CREATE TABLE IF NOT EXISTS for the version table and its log; per
/// revision a comment naming it (message and file name escaped to one line),
/// frame.begin, the version table's row lock, its section's SQL, a check that the
/// version table holds exactly the heads the script expects there (else the transaction
/// is rolled back), the version change and the log row with literal values (applied_at
/// from the database's clock), frame.commit (SQLite: the foreign-key check); at the end
/// frame.unlock. A no-transaction section runs, after the same check, before its own
/// transaction for the version change. Errors as for upgrade()/downgrade(): Usage for
/// targets, MigrationFile for a missing section.
std::optional<std::string> offline_sql(const RevisionGraph& graph, Direction direction,
                                       const std::vector<std::string>& from,
                                       std::string_view target, const RunOptions& options,
                                       const db::ScriptFrame& frame, support::Diagnostics& diags);

}  // namespace autogen::migrate
