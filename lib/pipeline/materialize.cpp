// materialize() (materialize.hpp).
#include "materialize.hpp"

#include "compared_tables.hpp"
#include "diff/differ.hpp"
#include "materialized_cache.hpp"

namespace autogen::pipeline {

using support::Category;

namespace {

/// A database stores neither rename declarations nor source locations: copy them from
/// the model onto the read-back schema, or a declared rename would diff as drop + add
/// and lose its data.
void carry_model_facts(const schema::Schema& model, schema::Schema& materialized) {
    for (auto& table : materialized.tables) {
        const schema::Table* declared = model.find_table(table.name, table.schema);
        if (!declared) continue;
        table.renamed_from = declared->renamed_from;
        table.location = declared->location;
        for (auto& column : table.columns) {
            if (const schema::Column* c = declared->find_column(column.name)) {
                column.renamed_from = c->renamed_from;
                column.location = c->location;
            }
        }
    }
}

}  // namespace

std::optional<schema::Schema> materialize(const dialect::Dialect& dialect,
                                          const schema::Schema& model,
                                          const support::Config& config,
                                          support::Diagnostics& diags, bool cache_only,
                                          const support::ProgressCallback& progress) {
    schema::Schema lowered = dialect.planner->lower(model, diags);
    if (diags.has_errors()) return std::nullopt;
    auto ops = diff::diff(schema::Schema{}, lowered, *dialect.rules);
    auto statements = dialect.planner->plan(ops, schema::Schema{}, lowered, diags);
    if (diags.has_errors()) return std::nullopt;
    // The same statements on the same kind of scratch database read back the same:
    // answered from the cache, a PostgreSQL project skips creating every table again.
    const std::string key = materialized_key(dialect.name, statements, config);
    if (auto cached = lookup_materialized(config, key)) {
        carry_model_facts(model, *cached);
        return cached;
    }
    if (cache_only) return std::nullopt;
    auto conn = dialect.scratch(config, diags);
    if (!conn) return std::nullopt;
    const std::string step = "materialising the models (" + dialect.name + ")";
    for (std::size_t i = 0; i < statements.size(); ++i) {
        const auto& s = statements[i];
        support::report(progress, {step, i + 1, statements.size(), {}});
        if (!conn->execute(s.sql, diags)) {
            support::report_finished(progress, step);
            diags.error(Category::Model,
                        "the models do not make a valid " + dialect.name +
                            " schema (see the statement above)",
                        {},
                        "check server_default, check and type annotations of the table named in "
                        "the statement");
            return std::nullopt;
        }
    }
    support::report(progress, {"reading back the models (" + dialect.name + ")", 0, 0, {}});
    auto materialized = dialect.inspector->inspect(*conn, inspect_options(config), diags);
    support::report_finished(progress, step);
    if (materialized) {
        store_materialized(config, key, *materialized);
        carry_model_facts(model, *materialized);
    }
    return materialized;
}

}  // namespace autogen::pipeline
