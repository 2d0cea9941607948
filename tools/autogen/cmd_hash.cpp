// `autogen hash` (like `atlas migrate hash`): rewrites migrations/autogen.sum after a
// reviewed hand edit of a revision that was never applied, or when the file is missing
// or was broken by a merge. The checksums always come from the files. The snapshot is
// re-taken from the models only when that is verified: every dialect can replay the
// chain on a scratch database and the chain produces the models. Otherwise the recorded
// snapshot is kept, so `hash` never turns model drift into a clean database-free check.
#include "command.hpp"
#include "migrate/schema_snapshot.hpp"
#include "project.hpp"

namespace autogen::cli {

namespace {

class HashCommand final : public Command {
  public:
    void configure(CLI::App& app, const DialectRegistry&) override {
        app.add_option(
            "--dev-url", dev_url_,
            "a PostgreSQL server where hash may create a temporary database to verify the models "
            "against the chain (overrides [database] dev_url)");
    }

    int run(Session& session) override {
        auto project = open_project(session);
        if (!project) return kExitUsage;
        // A copy, so that --dev-url reaches the dialects' scratch databases.
        support::Config effective = *project->config;
        if (!apply_dev_url(session, effective, dev_url_)) return kExitUsage;
        const auto& config = effective;
        auto scanned = scan_models(pipeline_context(session), config);
        if (!scanned) return kExitUsage;

        auto read = migrate::read_sum(sum_path(config));
        std::optional<schema::Schema> recorded;
        if (read.state == migrate::SumRead::State::Ok) {
            support::Diagnostics unreadable;  // an unreadable snapshot is as if there were none
            recorded = migrate::parse_snapshot(read.sum.snapshot, sum_display(config),
                                               read.sum.snapshot_line, unreadable);
        }

        std::string why_not;
        auto verified =
            models_match_chain(session, config, project->graph, scanned->schema, why_not);
        if (!verified) return session.exit_code();
        const schema::Schema* snapshot = &scanned->schema;
        std::string said;
        if (*verified) {
            said = "snapshot taken from the models (the migration chain produces them)";
        } else if (recorded) {
            snapshot = &*recorded;
            said = "snapshot kept: " + why_not;
        } else {
            said = "snapshot taken from the models, unverified: " + why_not;
            session.diags.warning(
                support::Category::MigrationFile,
                "no readable snapshot to keep, so the models were recorded without proof that the "
                "migrations produce them",
                {sum_display(config)}, "run 'autogen check' where a scratch database is available");
        }
        if (!record_sum(pipeline_context(session), config, *snapshot)) return kExitUsage;
        session.result = Json{
            {"path", sum_display(config)},
            {"revision_files", migrate::revision_file_checksums(config.migrations_dir()).size()},
            {"snapshot", *verified  ? "models"
                         : recorded ? "kept"
                                    : "unverified"},
            {"reason", *verified ? Json(nullptr) : Json(why_not)}};
        session.print(
            "wrote " + sum_display(config) + ": " +
            std::to_string(migrate::revision_file_checksums(config.migrations_dir()).size()) +
            " revision file(s), " + said);
        return kExitOk;
    }

  private:
    /// True when every configured dialect replays the chain on a scratch database and
    /// the result equals the models; false with the reason in `why_not`; nullopt on error.
    static std::optional<bool> models_match_chain(Session& session, const support::Config& config,
                                                  const migrate::RevisionGraph& graph,
                                                  const schema::Schema& models,
                                                  std::string& why_not) {
        for (const auto& name : config.database.dialects) {
            const Dialect* dialect = require_dialect(session.dialects, name, session.diags);
            if (!dialect) return std::nullopt;
            std::string why;
            if (!scratch_available(*dialect, config, why)) {
                why_not =
                    "no scratch " + name + " database to verify the models against (" + why + ")";
                return false;
            }
            // A chain that does not replay (a hand-written revision with a bug) leaves the
            // snapshot unverified; the checksums are still hash's to record, and check and
            // upgrade report the failing statement.
            support::Diagnostics replay;
            auto chain = replay_chain(*dialect, graph, graph.heads(), config, replay);
            if (!chain) {
                why_not = "the migration chain does not replay on a scratch " + name +
                          " database (see 'autogen check')";
                return false;
            }
            auto desired =
                materialize(*dialect, models, config, session.diags, false, session.progress());
            if (!desired) return std::nullopt;
            auto change = plan_change(*dialect, *chain, *desired, session.diags);
            if (!change) return std::nullopt;
            if (!change->operations.empty()) {
                why_not = "the models differ from the migrations (see 'autogen check')";
                return false;
            }
        }
        return true;
    }

    std::string dev_url_;
};

}  // namespace

std::unique_ptr<Command> make_hash_command() { return std::make_unique<HashCommand>(); }

}  // namespace autogen::cli
