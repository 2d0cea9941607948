// plan_change() and describe_all() (plan_change.hpp).
#include "plan_change.hpp"

#include "diff/differ.hpp"
#include "diff/phrases.hpp"
#include "diff/rename_hints.hpp"

namespace autogen::pipeline {

void warn_ignored_renames(const PlannedChange& change, support::Diagnostics& diags) {
    for (const auto& r : diff::ignored_renames(*change.from, *change.to)) {
        const bool column = r.column != nullptr;
        const std::string& name = column ? r.column->name : r.table->name;
        const std::string& old = column ? r.column->renamed_from : r.table->renamed_from;
        const auto& where = column ? r.column->location : r.table->location;
        if (!where.known()) continue;
        const std::string what = column ? "column \"" + name + "\" of " + r.table->qualified_name()
                                        : "table " + r.table->qualified_name();
        diags.warning(
            support::Category::Model,
            "renamed_from = \"" + old + "\" on " + what + " is ignored: the database has both \"" +
                name + "\" and \"" + old + "\", so the diff keeps \"" + name + "\" as it is",
            where,
            "if the rename is done, remove renamed_from; a swap of two names is written by "
            "hand in an --empty revision (RENAME through a temporary name), then the "
            "annotations are removed");
    }
}

std::optional<PlannedChange> plan_change(const dialect::Dialect& dialect,
                                         std::shared_ptr<const schema::Schema> from_side,
                                         std::shared_ptr<const schema::Schema> to_side,
                                         support::Diagnostics& diags,
                                         const codegen::PlanOptions& options) {
    const schema::Schema& from = *from_side;
    const schema::Schema& to = *to_side;
    PlannedChange change;
    change.dialect = &dialect;
    change.options = options;
    change.operations = diff::diff(from, to, *dialect.rules);
    change.statements.dialect = dialect.name;
    change.statements.upgrade = dialect.planner->plan(change.operations, from, to, options, diags);
    change.statements.downgrade =
        dialect.planner->plan(schema::reverse(change.operations), to, from, options, diags);
    // Each hint also goes into the revision file, as a note above the upgrade.
    std::vector<codegen::Statement> notes;
    for (const auto& hint : diff::rename_hints(change.operations, *dialect.rules)) {
        change.hints.push_back(diff::describe(hint));
        notes.push_back({.comment = "hint: " + change.hints.back()});
    }
    change.statements.upgrade.insert(change.statements.upgrade.begin(), notes.begin(), notes.end());
    if (diags.has_errors()) return std::nullopt;
    change.from = std::move(from_side);
    change.to = std::move(to_side);
    return change;
}

std::optional<PlannedChange> plan_change(const dialect::Dialect& dialect,
                                         const schema::Schema& from, const schema::Schema& to,
                                         support::Diagnostics& diags,
                                         const codegen::PlanOptions& options) {
    return plan_change(dialect, std::make_shared<const schema::Schema>(from),
                       std::make_shared<const schema::Schema>(to), diags, options);
}

std::vector<std::string> describe_all(const std::vector<schema::Operation>& ops) {
    std::vector<std::string> out;
    for (const auto& op : ops) out.push_back(diff::describe(op));
    return out;
}

}  // namespace autogen::pipeline
