// `autogen revision -m MSG`: scans the models, diffs them against the database (or the
// chain), prints one line per detected operation and writes one revision file. Writes
// nothing when nothing changed, unless --empty. Every revision written rewrites
// migrations/autogen.sum with the models as its snapshot (docs/check.md).
#include <cstdlib>

#include "command.hpp"
#include "data_loss_gate.hpp"
#include "migrate/revision_file.hpp"
#include "project.hpp"
#include "revision_clock.hpp"
#include "revision_message.hpp"

namespace autogen::cli {

namespace {

using support::Category;

class RevisionCommand final : public Command {
  public:
    void configure(CLI::App& app, const DialectRegistry&) override {
        app.add_option("-m,--message", message_, "what the revision does")->required();
        app.add_flag("--empty", empty_, "write an empty revision for hand-written SQL");
        app.add_flag("--baseline", baseline_,
                     "write a first revision that creates the whole model schema from nothing, "
                     "whatever the database holds (to adopt autogen; then 'autogen stamp head')");
        app.add_option("--rev-id", rev_id_, "use this revision id instead of a random one");
        app.add_option("--branch-label", branch_labels_, "label the new revision's branch");
        app.add_option("--depends-on", depends_on_, "revisions this one depends on");
        app.add_option("--head", head_,
                       "the head to put the revision on (a head id or prefix, label@head, or base "
                       "for a new branch)");
        app.add_flag("--splice", splice_,
                     "with --head: allow a revision that is not a head (starts a branch there)");
        // Alembic's habit; autogen always compares the models with the database.
        app.add_flag("--autogenerate", autogenerate_,
                     "accepted for Alembic habits and ignored: autogen always compares the models "
                     "with the database "
                     "(use --empty for a revision without changes)");
        app.add_flag("--online", online_,
                     "plan changes to tables in use in the form that does not block the "
                     "application (PostgreSQL: CONCURRENTLY, NOT VALID then VALIDATE, "
                     "lock_timeout); the config's online key is the default");
        app.add_flag("--no-online", no_online_,
                     "plan changes in the plain form even when the config turns online on");
        app.add_flag(
            "--allow-data-loss", allow_data_loss_,
            "write a revision with destructive operations (drops, narrowing) without asking");
    }

    int run(Session& session) override {
        if (!usable_revision_message(session, message_, "revision")) return kExitUsage;
        if (!rev_id_.empty() && !migrate::valid_revision_id(rev_id_)) {
            session.diags.error(
                Category::Usage, "'" + rev_id_ + "' is not a valid revision id", {},
                "use 1-64 letters, digits, '_' or '-' (not head, heads, base or none)");
            return kExitUsage;
        }
        auto project = open_project(session);
        if (!project) return kExitUsage;
        const auto* config = project->config;
        auto* graph = &project->graph;
        if (!rev_id_.empty() && graph->find(rev_id_)) {
            session.diags.error(Category::Usage,
                                "revision id " + rev_id_ + " is already used by " +
                                    graph->find(rev_id_)->path.string(),
                                {}, "choose another --rev-id");
            return kExitUsage;
        }

        if (baseline_ && !graph->empty()) {
            session.diags.error(
                Category::Usage,
                "--baseline writes the first revision, but " + config->migrations_dir().string() +
                    " already has " + std::to_string(graph->size()) + " revision(s)",
                {}, "use 'autogen revision -m MSG' for a change on top of the chain");
            return kExitUsage;
        }
        if (online_ && no_online_) {
            session.diags.error(Category::Usage, "--online and --no-online exclude each other", {},
                                "drop one of them");
            return kExitUsage;
        }
        if (baseline_ && empty_) {
            session.diags.error(Category::Usage, "--baseline and --empty exclude each other", {},
                                "drop one of them");
            return kExitUsage;
        }

        session.result = Json{{"written", false},
                              {"revision", nullptr},
                              {"path", nullptr},
                              {"operations", Json::array()},
                              {"hints", Json::array()}};
        migrate::RevisionDraft draft;
        schema::Schema models;  // autogen.sum's snapshot once the revision is written
        draft.id = rev_id_.empty() ? migrate::new_revision_id() : rev_id_;
        draft.message = message_;
        draft.created = revision_clock();
        draft.branch_labels = branch_labels_;
        draft.depends_on = depends_on_;

        if (empty_) {
            auto parents = revision_parents(*graph, head_, splice_, session.diags);
            if (!parents) return kExitUsage;
            draft.down_revisions = std::move(*parents);
            for (const auto& d : config->database.dialects) draft.dialects.push_back({d, {}, {}});
            std::vector<scan::BlindSpot> blind_spots;
            auto scanned = scan_models(pipeline_context(session), *config, &blind_spots);
            if (!scanned) return kExitUsage;
            if (!report_blind_spots(session.diags, *config, blind_spots, support::Severity::Error))
                return kExitUsage;
            // An empty revision changes no schema: the sum keeps the snapshot it had, so
            // that it still says what the chain produces (check takes it instead of a
            // replay). Once SQL is written into the file, `hash` takes the models if the
            // chain then produces them. Without a sum to keep: the models, as before.
            models = std::move(scanned->schema);
            if (auto kept = snapshot_before_empty_revision(*config, *graph, session.diags))
                models = std::move(*kept);
            if (session.diags.has_errors()) return kExitUsage;
        } else {
            // A baseline ignores the live database: it is the schema built from nothing,
            // so that fresh deployments get everything and existing ones are stamped.
            ChangeOptions options;
            options.against_live = !baseline_;
            options.head = head_;
            options.splice = splice_;
            options.plan = plan_options(session, *config);
            auto changes =
                compute_model_changes(pipeline_context(session), *config, *graph, options);
            if (!changes) return kExitUsage;
            draft.down_revisions = changes->heads;
            draft.operations = describe_all(changes->primary().operations);
            std::vector<const PlannedChange*> planned;
            for (const auto& p : changes->per_dialect) planned.push_back(&p);
            const auto lossy = destructive_flags(changes->primary());
            for (std::size_t i = 0; i < lossy.size(); ++i)
                session.result["operations"].push_back(
                    operation_json(changes->primary().operations[i], lossy[i], planned));
            session.result["hints"] = changes->primary().hints;
            if (draft.operations.empty()) {
                session.print("no changes detected: the models match " +
                              std::string(session.database_url().empty() ? "the migration chain"
                                                                         : "the database") +
                              "; nothing written");
                return kExitOk;
            }
            for (const auto& line : draft.operations) session.print("detected " + line);
            for (const auto& hint : changes->primary().hints)
                session.print({{"hint:", Tone::Hint}, {" " + hint}});
            if (!pass_data_loss_gate(session, *changes, allow_data_loss_)) return kExitUsage;
            for (auto& p : changes->per_dialect) draft.dialects.push_back(std::move(p.statements));
            models = std::move(changes->scan.schema);
        }

        if (!sum_ready_for_new_revision(pipeline_context(session), *config)) return kExitUsage;
        auto path = migrate::write_revision(draft, writer_options(*config), session.diags);
        if (!path) return kExitUsage;
        session.result["written"] = true;
        session.result["revision"] = draft.id;
        session.result["path"] = std::filesystem::relative(*path, config->root).string();
        session.print("wrote " +
                      std::filesystem::relative(*path, std::filesystem::current_path()).string());
        run_post_write_hooks(session, *config, *path);
        // After the hooks: a formatter hook changes the file's bytes.
        if (!record_new_revision(pipeline_context(session), *config, *path, models,
                                 SumUpdate::AddNew))
            return kExitUsage;
        return kExitOk;
    }

  private:
    /// Online planning from --online / --no-online, else the config; a warning when it
    /// is asked for and no configured dialect has an online form.
    codegen::PlanOptions plan_options(Session& session, const support::Config& config) const {
        const auto configured = support::online_planning(config);
        codegen::PlanOptions plan;
        plan.online = online_ || (configured.online && !no_online_);
        plan.lock_timeout = configured.lock_timeout;
        if (!plan.online || configured.has_online_form) return plan;
        session.diags.warning(
            Category::Usage,
            std::string(online_ ? "--online" : "online planning (autogen.toml)") +
                " changes nothing here: no dialect of [database] dialects has an online form",
            {},
            "online planning is PostgreSQL's (docs/lint.md, \"Online planning\"); the "
            "revision is planned as always");
        return plan;
    }

    /// [hooks] post_write: each command with {file} replaced, run by /bin/sh. A failing
    /// hook is reported as a warning; the revision file is kept.
    static void run_post_write_hooks(Session& session, const support::Config& config,
                                     const std::filesystem::path& file) {
        for (std::string command : config.hooks.post_write) {
            for (auto pos = command.find("{file}"); pos != std::string::npos;
                 pos = command.find("{file}")) {
                command.replace(pos, 6, "'" + file.string() + "'");
            }
            session.detail("hook: " + command);
            int status = std::system(command.c_str());
            if (status != 0) {
                session.diags.warning(
                    Category::Config,
                    "post_write hook failed (status " + std::to_string(status) + "): " + command,
                    {config.file.string()},
                    "the revision file was kept; fix the hook or run it by hand");
            }
        }
    }

    std::string message_;
    bool empty_ = false;
    bool baseline_ = false;
    std::string rev_id_;
    std::vector<std::string> branch_labels_;
    std::vector<std::string> depends_on_;
    std::string head_;
    bool splice_ = false;
    bool allow_data_loss_ = false;
    bool online_ = false;
    bool no_online_ = false;
    bool autogenerate_ = false;  ///< accepted, no effect
};

}  // namespace

std::unique_ptr<Command> make_revision_command() { return std::make_unique<RevisionCommand>(); }

}  // namespace autogen::cli
