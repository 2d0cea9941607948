// The project's migrations folder as the pipeline uses it: its revision graph, the
// heads a new revision goes on, and the options revision files are written with.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "migrate/revision_graph.hpp"
#include "migrate/revision_writer.hpp"
#include "support/config.hpp"
#include "support/diagnostics.hpp"

namespace autogen::pipeline {

/// Loads the revision graph of the configured migrations folder (a missing folder is
/// an empty chain).
std::optional<migrate::RevisionGraph> load_graph(const support::Config& config,
                                                 support::Diagnostics& diags);

/// The heads a new revision goes on: `head` resolved (each must be a current head of
/// the chain unless `splice`; `base` gives none: a new branch from nothing), or the
/// chain's single head. Usage / MigrationFile errors otherwise -> nullopt.
std::optional<std::vector<std::string>> revision_parents(const migrate::RevisionGraph& graph,
                                                         const std::string& head, bool splice,
                                                         support::Diagnostics& diags);

/// The writer options of the config ([migrations]).
migrate::WriterOptions writer_options(const support::Config& config);

}  // namespace autogen::pipeline
