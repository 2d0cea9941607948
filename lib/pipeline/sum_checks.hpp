// What autogen.sum says, read back: findings about the sum itself and about revision
// files whose bytes differ from their recorded checksums, and the model snapshot it
// records (the chain's schema when no database can replay it).
#pragma once

#include <optional>
#include <vector>

#include "finding.hpp"
#include "migrate/revision_graph.hpp"
#include "migrate/sum_file.hpp"
#include "schema/schema.hpp"
#include "support/config.hpp"
#include "support/diagnostics.hpp"

namespace autogen::pipeline {

/// Findings about autogen.sum itself (missing, unreadable) and about revision files whose
/// bytes differ from their recorded checksums. Returns the sum when it was readable.
std::optional<migrate::SumFile> check_sum_file(const support::Config& config,
                                               const migrate::RevisionGraph& graph,
                                               std::vector<Finding>& findings);

/// The snapshot a readable sum records, parsed; the empty schema for a project with no
/// revisions and no sum; nullopt otherwise (after reporting a parse error).
std::optional<schema::Schema> recorded_snapshot(const support::Config& config,
                                                const std::optional<migrate::SumFile>& sum,
                                                const migrate::RevisionGraph& graph,
                                                support::Diagnostics& diags);

}  // namespace autogen::pipeline
