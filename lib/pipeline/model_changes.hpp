// The "revision" that `revision`, `diff` and `check` compute: scan the models,
// materialise them in a scratch database of each dialect, replay the migration chain
// (or read the live database), and plan the operations both ways. Both sides of every
// comparison are read back by the same inspector, so they went through the same
// database normalisation (types, defaults, expressions).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "context.hpp"
#include "live_database.hpp"
#include "migrate/revision_graph.hpp"
#include "plan_change.hpp"
#include "scan/scanner.hpp"
#include "support/config.hpp"

namespace autogen::pipeline {

/// For every configured dialect, what turns the chain (or, for the live database's
/// dialect, the live schema) into the models.
struct ModelChanges {
    scan::ScanResult scan;
    std::vector<std::string> heads;          ///< the chain's heads the revision builds on
    std::vector<PlannedChange> per_dialect;  ///< in [database] dialects order
    std::size_t primary_index = 0;           ///< the one whose operations are reported
    /// The live database the primary change was diffed against (kept open for the
    /// data-loss gate's counts); nullopt when it was diffed against the chain.
    std::optional<LiveDatabase> live;
    const PlannedChange& primary() const { return per_dialect[primary_index]; }
};

/// Options of compute_model_changes.
struct ChangeOptions {
    bool against_live =
        true;  ///< diff the live database (if configured) instead of the chain for its dialect
    /// `revision --head`: the head(s) the new revision goes on (a head id or prefix,
    /// `label@head`, or `base` for a new root branch); empty = the chain's single head.
    std::string head;
    bool splice =
        false;  ///< `revision --splice`: `head` may be a revision that is not a head (a new branch)
    /// How the statements are planned (`revision --online`, `[postgresql] online`).
    codegen::PlanOptions plan;
};

/// Refuses (Model error) when a project file declares a model but is not scanned; the
/// tables of unscanned and [models] ignore files are kept out of every comparison.
std::optional<ModelChanges> compute_model_changes(const Context& ctx, const support::Config& config,
                                                  const migrate::RevisionGraph& graph,
                                                  ChangeOptions options);

}  // namespace autogen::pipeline
