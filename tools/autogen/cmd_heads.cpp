// `autogen heads`: the head revision(s) of the migration chain (no database needed).
#include "command.hpp"
#include "project.hpp"
#include "revision_text.hpp"

namespace autogen::cli {

namespace {

class HeadsCommand final : public Command {
  public:
    void configure(CLI::App& app, const DialectRegistry&) override {
        app.add_flag("--verbose", verbose_, "show each head in full");
    }

    bool needs_models() const override { return false; }

    int run(Session& session) override {
        auto project = open_project(session);
        if (!project) return kExitUsage;
        const auto* config = project->config;
        auto* graph = &project->graph;
        session.result["heads"] = Json::array();
        for (const auto& id : graph->heads()) {
            const auto* rev = graph->find(id);
            session.result["heads"].push_back(revision_json(*graph, *rev, config->root));
            session.print(verbose_ ? revision_block(*graph, *rev) : revision_short(*graph, *rev));
        }
        if (graph->empty())
            session.info("no revisions yet in " + config->migrations_dir().string());
        return kExitOk;
    }

  private:
    bool verbose_ = false;
};

}  // namespace

std::unique_ptr<Command> make_heads_command() { return std::make_unique<HeadsCommand>(); }

}  // namespace autogen::cli
