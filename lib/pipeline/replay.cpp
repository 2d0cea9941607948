// replay_chain() (replay.hpp).
#include "replay.hpp"

#include "compared_tables.hpp"
#include "materialized_cache.hpp"
#include "migrate/runner.hpp"

namespace autogen::pipeline {

using support::Category;

std::optional<schema::Schema> replay_chain(const dialect::Dialect& dialect,
                                           const migrate::RevisionGraph& graph,
                                           const std::vector<std::string>& heads,
                                           const support::Config& config,
                                           support::Diagnostics& diags, bool cache_only,
                                           const support::ProgressCallback& progress) {
    // Without a server to ask its version, nothing vouches for a cached answer.
    const std::string server = dialect.server_identity ? dialect.server_identity(config) : "";
    const std::string key =
        server.empty() ? std::string() : chain_key(dialect.name, server, graph, heads, config);
    if (!key.empty())
        if (auto cached = lookup_materialized(config, key)) return cached;
    if (cache_only) return std::nullopt;
    auto conn = dialect.scratch(config, diags);
    if (!conn) return std::nullopt;
    migrate::RunOptions run;
    run.dialect = dialect.name;
    run.version_table = config.migrations.version_table;
    // The runner says "applying"; here that is the replay into a scratch database.
    if (progress)
        run.progress = [&](const support::Progress& p) {
            support::Progress shown = p;
            if (shown.step == "applying") shown.step = "replaying the chain (" + dialect.name + ")";
            progress(shown);
        };
    for (const auto& head : heads) {
        auto result = migrate::upgrade(*conn, graph, head, run, diags);
        if (!result.ok) {
            diags.error(
                Category::MigrationFile,
                "the migration chain does not replay on an empty " + dialect.name + " database", {},
                "fix the revision named above; 'autogen upgrade' would fail the same way");
            return std::nullopt;
        }
    }
    support::report(progress, {"reading back the chain (" + dialect.name + ")", 0, 0, {}});
    auto replayed = dialect.inspector->inspect(*conn, inspect_options(config), diags);
    support::report_finished(progress, "reading back the chain");
    if (replayed && !key.empty()) store_materialized(config, key, *replayed);
    return replayed;
}

}  // namespace autogen::pipeline
