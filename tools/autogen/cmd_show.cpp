// `autogen show REV`: one revision in full (id, parents, path, created, message) and
// its file's SQL sections. `autogen branches`: the branch points of the chain.
#include <fstream>
#include <sstream>

#include "command.hpp"
#include "project.hpp"
#include "revision_text.hpp"
#include "support/printable_text.hpp"
#include "support/text.hpp"

namespace autogen::cli {

namespace {

using support::Category;

class ShowCommand final : public Command {
  public:
    void configure(CLI::App& app, const DialectRegistry&) override {
        app.add_option("revision", target_, "a revision id or unique prefix, head, or label@head")
            ->required();
    }

    int run(Session& session) override {
        auto project = open_project(session);
        if (!project) return kExitUsage;
        const auto& graph = project->graph;
        auto resolved = graph.resolve(target_, graph.heads());
        if (!resolved || resolved.value.size() != 1) {
            session.diags.error(Category::Usage,
                                resolved ? "'" + target_ + "' names " +
                                               std::to_string(resolved.value.size()) + " revisions"
                                         : resolved.error->message(),
                                {},
                                "name one revision by id or unique prefix (see 'autogen history')");
            return kExitUsage;
        }
        const auto* rev = graph.find(resolved.value.front());
        session.print(revision_block(graph, *rev));
        session.result["revision"] = revision_json(graph, *rev, project->config->root);
        std::ifstream in(rev->path);
        std::stringstream text;
        text << in.rdbuf();
        // The file as it is, except what would drive the terminal (support::terminal_text).
        session.print_text(support::terminal_text(text.str()));
        session.result["text"] = text.str();
        return kExitOk;
    }

  private:
    std::string target_;
};

class BranchesCommand final : public Command {
  public:
    void configure(CLI::App&, const DialectRegistry&) override {}

    int run(Session& session) override {
        auto project = open_project(session);
        if (!project) return kExitUsage;
        const auto& graph = project->graph;
        bool any = false;
        session.result["branchpoints"] = Json::array();
        for (const auto* rev : graph.history()) {
            auto children = graph.children(rev->id);
            if (children.size() < 2) continue;
            any = true;
            Json point{{"revision", revision_json(graph, *rev, project->config->root)},
                       {"children", Json::array()}};
            for (const auto& child : children)
                point["children"].push_back(
                    revision_json(graph, *graph.find(child), project->config->root));
            session.result["branchpoints"].push_back(std::move(point));
            session.print(revision_short(graph, *rev));
            for (const auto& child : children) {
                session.print("    -> " + revision_short(graph, *graph.find(child)));
            }
        }
        if (!any) session.info("no branch points: the chain is linear");
        return kExitOk;
    }
};

}  // namespace

std::unique_ptr<Command> make_show_command() { return std::make_unique<ShowCommand>(); }
std::unique_ptr<Command> make_branches_command() { return std::make_unique<BranchesCommand>(); }

}  // namespace autogen::cli
