// diff_models() and snapshot_sides() (snapshot_sides.hpp).
#include "snapshot_sides.hpp"

#include "diff/differ.hpp"
#include "sum_checks.hpp"
#include "sum_location.hpp"

namespace autogen::pipeline {

std::optional<std::vector<schema::Operation>> diff_models(const dialect::Dialect& dialect,
                                                          const schema::Schema& from,
                                                          const schema::Schema& to,
                                                          support::Diagnostics& diags) {
    schema::Schema lowered_from = dialect.planner->lower(from, diags);
    schema::Schema lowered_to = dialect.planner->lower(to, diags);
    if (diags.has_errors()) return std::nullopt;
    return diff::diff(lowered_from, lowered_to, *dialect.rules);
}

std::optional<std::pair<schema::Schema, schema::Schema>> snapshot_sides(
    const dialect::Dialect& dialect, const support::Config& config,
    const migrate::RevisionGraph& graph, const schema::Schema& models,
    support::Diagnostics& diags) {
    std::vector<Finding> problems;
    auto sum = check_sum_file(config, graph, problems);
    if (!problems.empty()) {
        diags.error(support::Category::MigrationFile,
                    "no scratch " + dialect.name + " database to replay the chain on, and " +
                        sum_display(config) +
                        " cannot stand in for it: " + problems.front().message,
                    {},
                    "fix that first (see 'autogen check --offline'), or give a server with "
                    "[database] dev_url");
        return std::nullopt;
    }
    auto recorded = recorded_snapshot(config, sum, graph, diags);
    if (!recorded) return std::nullopt;
    schema::Schema from = dialect.planner->lower(*recorded, diags);
    schema::Schema to = dialect.planner->lower(models, diags);
    if (diags.has_errors()) return std::nullopt;
    // The models' rename declarations survive lowering; the snapshot has none to lose.
    return std::make_pair(std::move(from), std::move(to));
}

}  // namespace autogen::pipeline
