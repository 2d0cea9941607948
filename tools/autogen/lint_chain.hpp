// Linting a migration chain for `autogen lint` and `autogen check`: every revision file
// is read parents first (a type change knows the type earlier revisions gave), and the
// findings of the chosen revisions are kept, weighed by the live tables' sizes when
// those are known.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "dialect/dialect.hpp"
#include "lint/finding.hpp"
#include "migrate/revision_graph.hpp"

namespace autogen::cli {

/// The live database's table sizes, and its dialect (lint::weigh_by_size).
struct LiveSizes {
    std::string dialect;
    lint::TableSizes sizes;
};

struct ChainFindings {
    std::vector<std::pair<std::string, lint::LintFinding>> findings;  ///< revision id, finding
    std::size_t counts[3] = {0, 0, 0};  ///< by lint::LintSeverity (info, warning, error)
    std::size_t suppressed = 0;
};

/// The findings of the revisions `chosen` (ids) of `graph`, for each of `dialects` that
/// lints; `sizes` (optional) weighs them.
ChainFindings lint_chain(const migrate::RevisionGraph& graph,
                         const std::vector<const dialect::Dialect*>& dialects,
                         const std::set<std::string>& chosen, const LiveSizes* sizes);

}  // namespace autogen::cli
