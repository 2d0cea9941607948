// The data-loss gate of `autogen revision` (SPEC §3 "Destructive operations"): the
// changes that cannot run on the stored rows are refused with their counts and fixes;
// the destructive ones are listed on stderr with the rows they affect and written only
// after a yes at a terminal or with --allow-data-loss. The decisions are
// introspect/impact.hpp's; this file only prints, asks and annotates.
#pragma once

#include <string>
#include <vector>

#include "project.hpp"

namespace autogen::cli {

/// Runs the gate on `changes` (the primary dialect's operations, counted on the live
/// database when the change was diffed against it). On success the revision may be
/// written: each dialect's upgrade then starts with a "WARNING: data loss: ..." line
/// per destructive operation, carrying its count. False after reporting why nothing
/// may be written (Usage errors: exit 2).
bool pass_data_loss_gate(Session& session, ModelChanges& changes, bool allow_data_loss);

/// For each operation of `change`: does it lose data? (diff and check mark them.)
std::vector<bool> destructive_flags(const PlannedChange& change);

/// "removed table "x"" with the text marker of a destructive operation when `destructive`.
std::string marked(const std::string& phrase, bool destructive);

}  // namespace autogen::cli
