// Linting a migration chain for `autogen lint` and `autogen check`: every revision file
// is read parents first (a type change knows the type earlier revisions gave), and the
// findings of the chosen revisions are kept, weighed by the live tables' sizes when
// those are known.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "dialect/dialect.hpp"
#include "introspect/inspector.hpp"
#include "lint/finding.hpp"
#include "migrate/revision_graph.hpp"
#include "support/config.hpp"

namespace autogen::cli {

/// The live database's table sizes, and its dialect (lint::weigh_by_size).
struct LiveSizes {
    std::string dialect;
    lint::TableSizes sizes;
};

/// The sizes an inspector read (Inspector::table_sizes), by every name a statement may
/// give each table.
LiveSizes live_sizes(const std::string& dialect,
                     const std::vector<introspect::RelationSize>& relations);

/// The project's dialects (`[database] dialects`) that have lint rules.
std::vector<const dialect::Dialect*> linting_dialects(const dialect::DialectRegistry& registry,
                                                      const support::Config& config);

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
