// `autogen history [-r A:B] [--verbose]`: revisions newest first, optionally limited to
// the range from A (exclusive of what lies below it) up to B.
#include <set>

#include "command.hpp"
#include "pipeline.hpp"
#include "revision_text.hpp"

namespace autogen::cli {

namespace {

using support::Category;

class HistoryCommand final : public Command {
public:
    void configure(CLI::App& app) override {
        app.add_option("-r,--rev-range", range_, "A:B, each side base, head or a revision (either may be empty)");
        app.add_flag("--verbose", verbose_, "show each revision in full");
    }

    int run(Session& session) override {
        auto project = open_project(session);
        if (!project) return kExitUsage;
        const auto* config = project->config;
        auto* graph = &project->graph;

        std::optional<std::set<std::string>> keep;
        if (!range_.empty()) {
            keep = range(session, *graph);
            if (!keep) return kExitUsage;
        }
        session.result["revisions"] = Json::array();
        for (const auto* rev : graph->history()) {
            if (keep && !keep->count(rev->id)) continue;
            session.result["revisions"].push_back(revision_json(*graph, *rev, config->root));
            session.print(verbose_ ? revision_block(*graph, *rev) : revision_line(*graph, *rev));
        }
        if (graph->empty()) session.info("no revisions yet in " + config->migrations_dir().string());
        return kExitOk;
    }

private:
    /// The revisions between the two ends of -r, both ends included.
    std::optional<std::set<std::string>> range(Session& session, const migrate::RevisionGraph& graph) {
        auto colon = range_.find(':');
        if (colon == std::string::npos) {
            session.diags.error(Category::Usage, "-r takes A:B, got '" + range_ + "'", {},
                                "write e.g. -r base:head, -r 3f2a:head or -r :3f2a");
            return std::nullopt;
        }
        std::string lower = range_.substr(0, colon), upper = range_.substr(colon + 1);
        auto resolve = [&](const std::string& t, const char* fallback) -> std::optional<std::vector<std::string>> {
            auto r = graph.resolve(t.empty() ? fallback : t, graph.heads());
            if (!r) {
                session.diags.error(Category::Usage, r.error->message(), {}, "see 'autogen history' for revision ids");
                return std::nullopt;
            }
            return r.value;
        };
        auto up = resolve(upper, "heads");
        auto down = resolve(lower, "base");
        if (!up || !down) return std::nullopt;
        std::set<std::string> keep = graph.ancestors_or_self(*up);
        if (!down->empty()) {
            std::set<std::string> below = graph.ancestors_or_self(*down);
            for (const auto& id : *down) below.erase(id);  // the lower end itself is shown
            for (const auto& id : below) keep.erase(id);
        }
        return keep;
    }

    std::string range_;
    bool verbose_ = false;
};

}  // namespace

std::unique_ptr<Command> make_history_command() { return std::make_unique<HistoryCommand>(); }

}  // namespace autogen::cli
