// `autogen upgrade [TARGET]` and `autogen downgrade TARGET`: run the revisions on the
// path to TARGET, each with its version change in one transaction, and say what ran.
#include <algorithm>
#include <cctype>

#include "command.hpp"
#include "migrate/offline_sql.hpp"
#include "migrate/runner.hpp"
#include "project.hpp"
#include "run_options.hpp"
#include "support/printable_text.hpp"
#include "support/text.hpp"

namespace autogen::cli {

namespace {

class MoveCommand final : public Command {
  public:
    explicit MoveCommand(migrate::Direction direction) : direction_(direction) {}

    void configure(CLI::App& app, const DialectRegistry&) override {
        if (direction_ == migrate::Direction::Upgrade) {
            app.add_option("target", target_,
                           "head (default), heads, a revision id or prefix, +N, label@head");
        } else {
            app.add_option("target", target_, "-N, base, or a revision id or prefix")->required();
        }
        app.add_flag("--allow-edited", allow_edited_,
                     "run although an applied revision's file was edited since it ran");
        add_lock_timeout_option(app, lock_timeout_);
        app.add_flag("--sql", offline_,
                     "print the SQL instead of running it (offline; TARGET may be FROM:TO, no "
                     "database needed)");
    }

    bool needs_models() const override { return false; }

    int run(Session& session) override {
        auto project = open_project(session);
        if (!project) return kExitUsage;
        const auto* config = project->config;
        auto* graph = &project->graph;
        if (!signed_if_count(session, *graph)) return kExitUsage;
        if (offline_) return print_offline(session, *config, *graph);
        auto live = open_live(pipeline_context(session), *config, /*required=*/true);
        if (!live) return session.exit_code();

        migrate::RunOptions options = run_options(*config, *live, lock_timeout_);
        options.allow_edited = allow_edited_;
        options.progress = session.progress();
        auto result =
            direction_ == migrate::Direction::Upgrade
                ? migrate::upgrade(*live->conn, *graph, target_, options, session.diags)
                : migrate::downgrade(*live->conn, *graph, target_, options, session.diags);
        session.result =
            Json{{"direction", direction_ == migrate::Direction::Upgrade ? "upgrade" : "downgrade"},
                 {"offline", false},
                 {"target", ids_json(result.target)},
                 {"before", ids_json(result.heads_before)},
                 {"after", ids_json(result.heads_after)},
                 {"revisions", Json::array()}};
        for (const auto& r : result.applied) {
            session.result["revisions"].push_back(
                {{"id", r.id}, {"message", r.message}, {"no_transaction", r.no_transaction}});
        }
        const char* verb = direction_ == migrate::Direction::Upgrade ? "applied" : "reverted";
        for (const auto& r : result.applied) {
            session.print(std::string(verb) + " " + r.id + " " + support::one_line_text(r.message) +
                          (r.no_transaction ? " (outside a transaction)" : ""));
        }
        if (result.already_there()) {
            session.print("nothing to do: the database is already at " +
                          describe_target(result.target));
        }
        return result.ok ? kExitOk : session.exit_code();
    }

  private:
    /// --sql: the script from FROM (default base, for upgrade) to TARGET, for the
    /// database's dialect if one is configured, else the first configured dialect.
    int print_offline(Session& session, const support::Config& config,
                      const migrate::RevisionGraph& graph) {
        std::string to = target_;
        std::vector<std::string> from;
        if (auto colon = target_.find(':'); colon != std::string::npos) {
            auto start = graph.resolve(target_.substr(0, colon), {});
            if (!start) {
                session.diags.error(support::Category::Usage, start.error->message(), {},
                                    "FROM in FROM:TO is base, a revision id or a unique prefix");
                return kExitUsage;
            }
            from = start.value;
            to = target_.substr(colon + 1);
        } else if (direction_ == migrate::Direction::Downgrade) {
            session.diags.error(support::Category::Usage,
                                "downgrade --sql needs FROM:TO, got '" + target_ + "'", {},
                                "offline, the database's revision is unknown: write e.g. downgrade "
                                "--sql head:base");
            return kExitUsage;
        }
        std::string dialect = config.database.dialects.front();
        if (auto url = session.database_url(); !url.empty()) {
            if (auto parsed = session.dialects.parse_url(url, config.root, session.diags))
                dialect = parsed->scheme;
        }
        const Dialect* known = session.dialects.find(dialect);
        if (!known) {
            session.diags.error(support::Category::Config,
                                "no dialect \"" + dialect + "\" to write offline SQL for", {},
                                "use one of: " + session.dialects.names());
            return kExitUsage;
        }
        migrate::RunOptions options;
        options.dialect = dialect;
        options.version_table = config.migrations.version_table;
        auto script =
            migrate::offline_sql(graph, direction_, from, to, options,
                                 known->script_frame(options.version_table), session.diags);
        if (!script) return kExitUsage;
        session.result =
            Json{{"direction", direction_ == migrate::Direction::Upgrade ? "upgrade" : "downgrade"},
                 {"offline", true},
                 {"dialect", dialect},
                 {"sql", *script}};
        session.print_text(*script);
        return kExitOk;
    }

    /// `downgrade 1` (Alembic writes -1): a bare number that names no revision is a step
    /// count missing its sign. Reported with the signed form; true when the target is fine.
    bool signed_if_count(Session& session, const migrate::RevisionGraph& graph) const {
        bool digits =
            !target_.empty() && std::all_of(target_.begin(), target_.end(),
                                            [](unsigned char c) { return std::isdigit(c) != 0; });
        if (!digits) return true;
        auto resolved = graph.resolve(target_, {});
        if (resolved || resolved.error->kind != migrate::GraphError::Kind::Unknown) return true;
        const bool up = direction_ == migrate::Direction::Upgrade;
        std::string sign = up ? "+" : "-";
        session.diags.error(
            support::Category::Usage,
            "'" + target_ + "' is not a revision; did you mean " + sign + target_ + "?", {},
            up ? "upgrade +N applies the next N revisions; head applies all"
               : "downgrade -N undoes the last N revisions; base undoes all");
        return false;
    }

    static std::string describe_target(const std::vector<std::string>& ids) {
        return ids.empty() ? "base" : support::join_with(ids);
    }

    migrate::Direction direction_;
    std::string target_ = "head";
    bool offline_ = false;
    bool allow_edited_ = false;
    std::optional<double> lock_timeout_;
};

}  // namespace

std::unique_ptr<Command> make_upgrade_command() {
    return std::make_unique<MoveCommand>(migrate::Direction::Upgrade);
}

std::unique_ptr<Command> make_downgrade_command() {
    return std::make_unique<MoveCommand>(migrate::Direction::Downgrade);
}

}  // namespace autogen::cli
