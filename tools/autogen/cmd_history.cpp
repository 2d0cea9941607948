// `autogen history [-r A:B] [--verbose] [-i]`: revisions newest first, optionally limited to
// the range from A (exclusive of what lies below it) up to B.
#include <set>

#include "command.hpp"
#include "migrate/runner.hpp"
#include "project.hpp"
#include "revision_text.hpp"

namespace autogen::cli {

namespace {

using support::Category;

class HistoryCommand final : public Command {
  public:
    void configure(CLI::App& app, const DialectRegistry&) override {
        app.add_option("-r,--rev-range", range_,
                       "A:B, each side base, head or a revision (either may be empty)");
        app.add_flag("--verbose", verbose_, "show each revision in full");
        app.add_flag(
            "-i,--indicate-current", indicate_current_,
            "mark the revisions the database is at with (current) (reads the database, read-only)");
    }

    bool needs_models() const override { return false; }

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
        std::set<std::string> current;
        if (indicate_current_) {
            auto applied = applied_revisions(session, *config);
            if (!applied) return session.exit_code();
            current = std::move(*applied);
        }
        session.result["revisions"] = Json::array();
        for (const auto* rev : graph->history()) {
            if (keep && !keep->count(rev->id)) continue;
            bool here = current.count(rev->id) > 0;
            Json entry = revision_json(*graph, *rev, config->root);
            if (indicate_current_) entry["current"] = here;
            session.result["revisions"].push_back(std::move(entry));
            session.print(verbose_ ? revision_block(*graph, *rev, here)
                                   : revision_line(*graph, *rev, here));
        }
        if (graph->empty())
            session.info("no revisions yet in " + config->migrations_dir().string());
        return kExitOk;
    }

  private:
    /// -i: the revisions in the database's version table (the database opened read-only).
    static std::optional<std::set<std::string>> applied_revisions(Session& session,
                                                                  const support::Config& config) {
        if (session.database_url().empty()) {
            session.diags.error(
                Category::Config,
                "history -i marks the revisions the database is at, but no "
                "database is configured",
                {}, "set [database] url in autogen.toml, DATABASE_URL, or pass --url; or drop -i");
            return std::nullopt;
        }
        auto live = open_live(pipeline_context(session), config, /*required=*/true);
        if (!live) return std::nullopt;
        auto ids = migrate::current(*live->conn, config.migrations.version_table, session.diags);
        if (!ids) return std::nullopt;
        return std::set<std::string>(ids->begin(), ids->end());
    }

    /// The revisions between the two ends of -r, both ends included.
    std::optional<std::set<std::string>> range(Session& session,
                                               const migrate::RevisionGraph& graph) {
        auto colon = range_.find(':');
        if (colon == std::string::npos) {
            session.diags.error(Category::Usage, "-r takes A:B, got '" + range_ + "'", {},
                                "write e.g. -r base:head, -r 3f2a:head or -r :3f2a");
            return std::nullopt;
        }
        std::string lower = range_.substr(0, colon), upper = range_.substr(colon + 1);
        auto resolve = [&](const std::string& t,
                           const char* fallback) -> std::optional<std::vector<std::string>> {
            auto r = graph.resolve(t.empty() ? fallback : t, graph.heads());
            if (!r) {
                session.diags.error(Category::Usage, r.error->message(), {},
                                    "see 'autogen history' for revision ids");
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
    bool indicate_current_ = false;
};

}  // namespace

std::unique_ptr<Command> make_history_command() { return std::make_unique<HistoryCommand>(); }

}  // namespace autogen::cli
