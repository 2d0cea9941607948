// compute_model_changes() (model_changes.hpp): one PlannedChange per configured dialect.
#include "model_changes.hpp"

#include <algorithm>
#include <memory>

#include "blind_spot_guard.hpp"
#include "live_read_ahead.hpp"
#include "materialize.hpp"
#include "migrate/runner.hpp"
#include "migrate/unknown_revision.hpp"
#include "project_graph.hpp"
#include "replay.hpp"
#include "require_dialect.hpp"
#include "scan_models.hpp"
#include "scratch_available.hpp"
#include "snapshot_sides.hpp"
#include "sum_checks.hpp"
#include "sum_location.hpp"

namespace autogen::pipeline {

using support::Category;

std::optional<ModelChanges> compute_model_changes(const Context& ctx,
                                                  const support::Config& project_config,
                                                  const migrate::RevisionGraph& graph,
                                                  ChangeOptions options) {
    ModelChanges changes;
    auto parents = revision_parents(graph, options.head, options.splice, ctx.diags);
    if (!parents) return std::nullopt;
    changes.heads = std::move(*parents);
    // A read-only command (diff) reads the live schema while the models are scanned:
    // most of its time is the server's. One that may create the database (revision
    // creates a missing SQLite file) opens it only once the models scanned cleanly.
    std::optional<LiveReadAhead> live_ahead;
    if (options.against_live && ctx.read_only) live_ahead.emplace(ctx, project_config);
    std::vector<scan::BlindSpot> blind_spots;
    auto scanned = scan_models(ctx, project_config, &blind_spots);
    if (!scanned) return std::nullopt;
    if (!report_blind_spots(ctx.diags, project_config, blind_spots, support::Severity::Error))
        return std::nullopt;
    changes.scan = std::move(*scanned);
    // From here on, the tables that unscanned files declare are out of every comparison.
    const auto kept = keep_unscanned_tables(ctx, project_config, blind_spots, changes.scan.schema);
    if (!kept) return std::nullopt;
    const support::Config& config = *kept;

    std::optional<LiveDatabase> live;
    std::shared_ptr<const schema::Schema> live_read;  // read under `config`, when read ahead
    if (live_ahead) {
        live = live_ahead->take(ctx, config, live_read);
    } else if (options.against_live) {
        live = open_live(ctx, config, /*required=*/false);  // inspected below, at the head
    }
    if (ctx.diags.has_errors()) return std::nullopt;
    if (live) {
        // Like Alembic: a revision is computed against a database that is at the head,
        // otherwise it would repeat the changes of the revisions not yet applied.
        auto current = migrate::current(*live->conn, config.migrations.version_table, ctx.diags);
        if (!current) return std::nullopt;
        auto want = changes.heads;
        std::sort(want.begin(), want.end());
        std::sort(current->begin(), current->end());
        for (const auto& id : *current) {
            if (!graph.find(id)) {
                ctx.diags.error(Category::MigrationFile,
                                migrate::unknown_revision_message(id, config.migrations.dir), {},
                                migrate::unknown_revision_hint());
                return std::nullopt;
            }
        }
        if (*current != want) {
            ctx.diags.error(Category::Usage,
                            "the database " + live->url.redacted() +
                                " is not at the head of the migration chain",
                            {},
                            "run 'autogen upgrade head' first (or 'autogen stamp' if the schema "
                            "already matches)");
            return std::nullopt;
        }
    }

    const auto sum = readable_sum(config);
    for (const auto& name : config.database.dialects) {
        const dialect::Dialect* dialect = require_dialect(ctx.dialects, name, ctx.diags);
        if (!dialect) return std::nullopt;
        const bool live_here = live && live->dialect == dialect;
        std::shared_ptr<const schema::Schema> live_schema;
        if (live_here) {
            if (!live_read) {  // not read ahead
                auto inspected = inspect_live(*live, config, ctx.diags, ctx.progress);
                if (!inspected) return std::nullopt;
                live_read = std::make_shared<const schema::Schema>(std::move(*inspected));
            }
            live_schema = live_read;
        }
        // A live table whose digest autogen.sum records for a model table's key is that
        // table read back: only the tables changed since the sum need a scratch database.
        const MaterializeHints hints{live_schema.get(), recorded_digests(sum, dialect->name)};
        std::string no_scratch;
        std::optional<schema::Schema> desired;
        // A read-only command may not use the live server for scratch (SPEC §3): then the
        // live dialect needs dev_url, or the materialised-schema cache and the sum's
        // digests must answer for every table.
        if ((!live_here || !config.database.scratch_on_url) &&
            !scratch_available(*dialect, config, no_scratch)) {
            if (live_here)
                desired =
                    materialize(*dialect, changes.scan.schema, config, ctx.diags, true, {}, hints);
            if (ctx.diags.has_errors()) return std::nullopt;
            if (desired) {
                ctx.say_info("no scratch " + name + " database (" + no_scratch + "): the models' " +
                             name + " schema comes from the materialised-schema cache");
            }
        }
        if (!no_scratch.empty() && !desired) {
            // A server dialect without a server: autogen.sum's snapshot stands in for the
            // replayed chain (docs/check.md), so a revision can still be written.
            ctx.say_info("no scratch " + name + " database (" + no_scratch +
                         "): diffing the models against " + sum_display(config) +
                         (live_here ? " instead of the live database" : ""));
            auto sides = snapshot_sides(*dialect, config, graph, changes.scan.schema, ctx.diags);
            if (!sides) return std::nullopt;
            auto planned =
                plan_change(*dialect, sides->first, sides->second, ctx.diags, options.plan);
            if (!planned) return std::nullopt;
            changes.per_dialect.push_back(std::move(*planned));
            continue;
        }
        std::shared_ptr<const schema::Schema> from = live_schema;
        if (!live_here) {
            auto replayed = replay_chain(*dialect, graph, changes.heads, config, ctx.diags, false,
                                         ctx.progress);
            if (!replayed) return std::nullopt;
            from = std::make_shared<const schema::Schema>(std::move(*replayed));
        }
        if (!desired)
            desired = materialize(*dialect, changes.scan.schema, config, ctx.diags, false,
                                  ctx.progress, hints);
        if (!desired) return std::nullopt;
        auto planned = plan_change(*dialect, std::move(from),
                                   std::make_shared<const schema::Schema>(std::move(*desired)),
                                   ctx.diags, options.plan);
        if (!planned) return std::nullopt;
        changes.per_dialect.push_back(std::move(*planned));
    }
    // The operations users read come from the live database's dialect when there is
    // one, else from the first configured dialect.
    for (std::size_t i = 0; i < changes.per_dialect.size(); ++i) {
        if (live && changes.per_dialect[i].dialect == live->dialect) changes.primary_index = i;
    }
    if (live && changes.primary().dialect == live->dialect) changes.live = std::move(live);
    if (!changes.per_dialect.empty()) warn_ignored_renames(changes.primary(), ctx.diags);
    return changes;
}

}  // namespace autogen::pipeline
