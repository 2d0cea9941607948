// Verifying revision files before any of their SQL runs (SPEC §4's hand-edit rule:
// edit, review, `autogen hash`, then apply): an applied revision against the checksum
// the database's log recorded when it ran, a pending one against migrations/autogen.sum.
// Used by the runner for upgrade, downgrade and stamp; each finding is an error naming
// the revision and its file.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "migrate/revision_graph.hpp"
#include "migrate/sum_file.hpp"
#include "support/diagnostics.hpp"

namespace autogen::migrate {

/// autogen.sum as the commands read it, for checking pending revisions.
struct RecordedSums {
    SumRead read;                                    ///< Missing: an older project without one
    std::string display = "migrations/autogen.sum";  ///< its path as users see it
};

/// False (after one MigrationFile error per edited revision) if a revision applied to the
/// database (`logged`: id -> checksum the log stored; empty checksums are skipped) has a
/// file whose bytes differ now. `command` ("upgrade", "downgrade") names the command in
/// the hint's --allow-edited override.
bool applied_unedited(const RevisionGraph& graph,
                      const std::vector<std::pair<std::string, std::string>>& logged,
                      const std::string& command, support::Diagnostics& diags);

/// False (after reporting) if a revision about to run or be recorded as applied is not
/// as autogen.sum records it: its checksum differs (a hand edit, a file cut short), it
/// is not listed, or the sum itself is unreadable. A missing sum (a project from before
/// autogen.sum) is a warning, once per call: nothing can be verified, `autogen hash`
/// starts recording.
bool pending_as_recorded(const std::vector<const Revision*>& revisions, const RecordedSums& sums,
                         support::Diagnostics& diags);

}  // namespace autogen::migrate
