// What changes between two schemas of one dialect: the operations the dialect's
// rules find, planned both ways by its planner, with the possible undeclared renames.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "dialect/dialect.hpp"
#include "migrate/revision_writer.hpp"
#include "schema/operation.hpp"

namespace autogen::pipeline {

/// What changes between two schemas of one dialect, planned both ways.
struct PlannedChange {
    const dialect::Dialect* dialect = nullptr;
    std::vector<schema::Operation> operations;
    migrate::DialectStatements statements;
    /// Possible undeclared renames ("hint: ..." lines without the "hint: ").
    std::vector<std::string> hints;
    /// The two sides that were diffed (the rows live in `from`); shared, not copied:
    /// on 1,000 tables a copy of each side costs more than the diff.
    std::shared_ptr<const schema::Schema> from, to;
    /// How the statements were planned (online or not).
    codegen::PlanOptions options;
};

/// Diffs `from` -> `to` and plans the upgrade and its derived downgrade (both with
/// `options`: online planning plans the downgrade online too).
std::optional<PlannedChange> plan_change(const dialect::Dialect& dialect,
                                         std::shared_ptr<const schema::Schema> from,
                                         std::shared_ptr<const schema::Schema> to,
                                         support::Diagnostics& diags,
                                         const codegen::PlanOptions& options = {});

/// The same for sides the caller keeps (copied into the change).
std::optional<PlannedChange> plan_change(const dialect::Dialect& dialect,
                                         const schema::Schema& from, const schema::Schema& to,
                                         support::Diagnostics& diags,
                                         const codegen::PlanOptions& options = {});

/// A `renamed_from` whose two names both exist in the change's `from` is ignored by the
/// diff (it would otherwise rename again at every revision): said at the annotation, with
/// what to do. Only for a models' side (`to` with source locations). Called once per
/// command (for the change users read), not per dialect or comparison.
void warn_ignored_renames(const PlannedChange& change, support::Diagnostics& diags);

/// The phrases of `ops` ("added column ...").
std::vector<std::string> describe_all(const std::vector<schema::Operation>& ops);

}  // namespace autogen::pipeline
