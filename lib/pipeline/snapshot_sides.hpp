// Comparisons without a database: two model schemas lowered by a dialect's planner and
// diffed by its rules, and the sides `revision` and `diff` compare when a dialect has
// no scratch database (the snapshot in autogen.sum standing in for the replayed chain).
#pragma once

#include <optional>
#include <utility>
#include <vector>

#include "dialect/dialect.hpp"
#include "migrate/revision_graph.hpp"
#include "schema/operation.hpp"
#include "support/config.hpp"

namespace autogen::pipeline {

/// The differences between two unlowered model schemas as `dialect` sees them (both
/// lowered by its planner, diffed by its rules; no database): operations turning
/// `from` into `to`. nullopt after reporting an error.
std::optional<std::vector<schema::Operation>> diff_models(const dialect::Dialect& dialect,
                                                          const schema::Schema& from,
                                                          const schema::Schema& to,
                                                          support::Diagnostics& diags);

/// For a dialect with no scratch database: the two sides `revision` and `diff` compare,
/// lowered by the dialect's planner without a database: {the chain's schema as the
/// snapshot in autogen.sum records it (the empty schema before any revision), the
/// models}. Refuses (error, nullopt) when the sum is missing, unreadable or does not
/// match the files: then nothing says what the chain produces.
std::optional<std::pair<schema::Schema, schema::Schema>> snapshot_sides(
    const dialect::Dialect& dialect, const support::Config& config,
    const migrate::RevisionGraph& graph, const schema::Schema& models, support::Diagnostics& diags);

}  // namespace autogen::pipeline
