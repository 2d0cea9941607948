// `autogen stamp TARGET`: sets the version table to TARGET without running any SQL
// (adopting autogen on a database whose schema already matches, or repairing a
// version table). `stamp base` empties it.
#include "command.hpp"
#include "migrate/runner.hpp"
#include "project.hpp"
#include "run_options.hpp"
#include "support/text.hpp"

namespace autogen::cli {

namespace {

std::string ids(const std::vector<std::string>& v) {
    return v.empty() ? "<base>" : support::join_with(v);
}

class StampCommand final : public Command {
  public:
    void configure(CLI::App& app, const DialectRegistry&) override {
        app.add_option("target", target_, "head, heads, base, or a revision id or prefix")
            ->required();
        add_lock_timeout_option(app, lock_timeout_);
    }

    bool needs_models() const override { return false; }

    int run(Session& session) override {
        auto project = open_project(session);
        if (!project) return kExitUsage;
        auto live = open_live(pipeline_context(session), *project->config, /*required=*/true);
        if (!live) return session.exit_code();
        migrate::RunOptions options = run_options(*project->config, *live, lock_timeout_);
        auto result = migrate::stamp(*live->conn, project->graph, target_, options, session.diags);
        if (!result.ok) return session.exit_code();
        session.result = Json{{"before", ids_json(result.heads_before)},
                              {"after", ids_json(result.heads_after)}};
        session.print("stamped " + ids(result.heads_after) + " (was " + ids(result.heads_before) +
                      "); no SQL was run");
        return kExitOk;
    }

  private:
    std::string target_;
    std::optional<double> lock_timeout_;
};

}  // namespace

std::unique_ptr<Command> make_stamp_command() { return std::make_unique<StampCommand>(); }

}  // namespace autogen::cli
