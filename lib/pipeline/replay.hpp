// The schema the migration chain produces: replayed into a scratch database of a
// dialect and read back by its inspector, or answered from the chain cache.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "dialect/dialect.hpp"
#include "migrate/revision_graph.hpp"
#include "schema/schema.hpp"
#include "support/config.hpp"
#include "support/progress.hpp"

namespace autogen::pipeline {

/// The schema the chain produces at `heads` (empty = base), replayed into a scratch
/// database of `dialect` and read back, or answered from the chain cache (keyed by the
/// applied files' checksums; `progress`: "replaying" each revision). `cache_only`: the
/// cache or nothing (nullopt without an error), opening no database.
std::optional<schema::Schema> replay_chain(const dialect::Dialect& dialect,
                                           const migrate::RevisionGraph& graph,
                                           const std::vector<std::string>& heads,
                                           const support::Config& config,
                                           support::Diagnostics& diags, bool cache_only = false,
                                           const support::ProgressCallback& progress = {});

}  // namespace autogen::pipeline
