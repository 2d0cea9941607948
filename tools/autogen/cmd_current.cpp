// `autogen current`: the revision(s) recorded in the database's version table.
#include "command.hpp"
#include "migrate/runner.hpp"
#include "migrate/unknown_revision.hpp"
#include "project.hpp"
#include "revision_text.hpp"

namespace autogen::cli {

namespace {

class CurrentCommand final : public Command {
  public:
    void configure(CLI::App&, const DialectRegistry&) override {}

    bool needs_models() const override { return false; }

    int run(Session& session) override {
        auto project = open_project(session);
        if (!project) return kExitUsage;
        const auto* config = project->config;
        auto* graph = &project->graph;
        auto live = open_live(pipeline_context(session), *config, /*required=*/true);
        if (!live) return session.exit_code();
        auto current =
            migrate::current(*live->conn, config->migrations.version_table, session.diags);
        if (!current) return session.exit_code();
        session.result["current"] = ids_json(*current);
        session.result["revisions"] = Json::array();
        if (current->empty()) {
            session.print("<base> (no revision applied)");
            return kExitOk;
        }
        for (const auto& id : *current) {
            if (const auto* rev = graph->find(id)) {
                session.result["revisions"].push_back(revision_json(*graph, *rev, config->root));
                session.print(revision_short(*graph, *rev));
            } else {
                session.print(id + " (no revision file has this id)");
                session.diags.warning(support::Category::MigrationFile,
                                      migrate::unknown_revision_message(id, config->migrations.dir),
                                      {}, migrate::unknown_revision_hint());
            }
        }
        return kExitOk;
    }
};

}  // namespace

std::unique_ptr<Command> make_current_command() { return std::make_unique<CurrentCommand>(); }

}  // namespace autogen::cli
