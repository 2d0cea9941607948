// `autogen upgrade [TARGET]` and `autogen downgrade TARGET`: run the revisions on the
// path to TARGET, each with its version change in one transaction, and say what ran.
#include "command.hpp"
#include "migrate/runner.hpp"
#include "pipeline.hpp"

namespace autogen::cli {

namespace {

class MoveCommand final : public Command {
public:
    explicit MoveCommand(migrate::Direction direction) : direction_(direction) {}

    void configure(CLI::App& app) override {
        if (direction_ == migrate::Direction::Upgrade) {
            app.add_option("target", target_, "head (default), heads, a revision id or prefix, +N, label@head");
        } else {
            app.add_option("target", target_, "-N, base, or a revision id or prefix")->required();
        }
    }

    int run(Session& session) override {
        auto project = open_project(session);
        if (!project) return kExitUsage;
        const auto* config = project->config;
        auto* graph = &project->graph;
        auto live = open_live(session, *config, /*required=*/true);
        if (!live) return session.exit_code();

        migrate::RunOptions options;
        options.dialect = live->dialect->name;
        options.version_table = config->migrations.version_table;
        auto result = direction_ == migrate::Direction::Upgrade
                          ? migrate::upgrade(*live->conn, *graph, target_, options, session.diags)
                          : migrate::downgrade(*live->conn, *graph, target_, options, session.diags);
        const char* verb = direction_ == migrate::Direction::Upgrade ? "applied" : "reverted";
        for (const auto& r : result.applied) {
            session.print(std::string(verb) + " " + r.id + " " + r.message +
                          (r.no_transaction ? " (outside a transaction)" : ""));
        }
        if (result.already_there()) {
            session.print("nothing to do: the database is already at " + describe_target(result.target));
        }
        return result.ok ? kExitOk : session.exit_code();
    }

private:
    static std::string describe_target(const std::vector<std::string>& ids) {
        if (ids.empty()) return "base";
        std::string out;
        for (const auto& id : ids) out += (out.empty() ? "" : ", ") + id;
        return out;
    }

    migrate::Direction direction_;
    std::string target_ = "head";
};

}  // namespace

std::unique_ptr<Command> make_upgrade_command() {
    return std::make_unique<MoveCommand>(migrate::Direction::Upgrade);
}

std::unique_ptr<Command> make_downgrade_command() {
    return std::make_unique<MoveCommand>(migrate::Direction::Downgrade);
}

}  // namespace autogen::cli
