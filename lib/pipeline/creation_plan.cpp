// creation_plan() (creation_plan.hpp).
#include "creation_plan.hpp"

#include <set>

#include "diff/differ.hpp"

namespace autogen::pipeline {

namespace {

/// Below this many tables one session is as fast (opening peers costs a connection each).
constexpr std::size_t kSharedFrom = 40;
/// Tables per group: a group's statements run in transactions of GroupRun::batch, which
/// batches never cross (docs/performance.md: ~10 tables, ~30 statements).
constexpr std::size_t kTablesPerGroup = 10;

}  // namespace

std::vector<codegen::Statement> creation_statements(const dialect::Dialect& dialect,
                                                    const schema::Schema& to,
                                                    support::Diagnostics& diags,
                                                    const schema::Schema& from) {
    return dialect.planner->plan(diff::diff(schema::Schema{}, to, *dialect.rules), from, to, diags);
}

std::optional<std::vector<CreationPhase>> creation_plan(const dialect::Dialect& dialect,
                                                        const schema::Schema& lowered,
                                                        std::vector<codegen::Statement> in_order,
                                                        support::Diagnostics& diags) {
    std::vector<CreationPhase> phases;
    if (!dialect.scratch_peer || lowered.tables.size() < kSharedFrom || scratch_connections() < 2) {
        phases.push_back({{std::move(in_order)}, {.connections = 1}});
        return phases;
    }
    schema::Schema unlinked = lowered;  // no foreign keys: no table needs another
    for (auto& t : unlinked.tables) t.foreign_keys.clear();

    // First, alone: the enum types, and the first table of each named schema, so that the
    // planner creates every schema here and never twice at the same time later.
    schema::Schema first;
    first.enums = unlinked.enums;
    std::set<std::string> schemas;
    std::vector<const schema::Table*> rest;
    for (const auto& t : unlinked.tables) {
        if (!t.schema.empty() && schemas.insert(t.schema).second)
            first.tables.push_back(t);
        else
            rest.push_back(&t);
    }
    CreationPhase tables{{creation_statements(dialect, first, diags)}, {.first_group_first = true}};
    for (std::size_t i = 0; i < rest.size(); i += kTablesPerGroup) {
        schema::Schema group;
        for (std::size_t j = i; j < rest.size() && j < i + kTablesPerGroup; ++j)
            group.tables.push_back(*rest[j]);
        tables.groups.push_back(creation_statements(dialect, group, diags, first));
    }
    if (diags.has_errors()) return std::nullopt;
    phases.push_back(std::move(tables));

    auto links = dialect.planner->plan(diff::diff(unlinked, lowered, *dialect.rules), unlinked,
                                       lowered, diags);
    if (diags.has_errors()) return std::nullopt;
    if (!links.empty()) phases.push_back({{std::move(links)}, {.connections = 1}});
    return phases;
}

}  // namespace autogen::pipeline
