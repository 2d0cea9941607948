// `autogen merge -m MSG REV...`: writes a merge revision whose down_revisions are the
// given revisions (`heads` = every head), with empty sections: it joins branches of
// the chain without changing the schema. It rewrites migrations/autogen.sum from the
// files and the models: after a git merge of two branches that each added a revision,
// that file is conflicted or stale, and this is the command that settles it.
#include <algorithm>

#include "command.hpp"
#include "project.hpp"
#include "revision_clock.hpp"
#include "revision_message.hpp"
#include "support/text.hpp"

namespace autogen::cli {

namespace {

using support::Category;

class MergeCommand final : public Command {
  public:
    void configure(CLI::App& app, const DialectRegistry&) override {
        app.add_option("-m,--message", message_, "what the merge joins")->required();
        app.add_option("revisions", revisions_, "revisions to join, or 'heads' for all heads")
            ->required();
        app.add_option("--rev-id", rev_id_, "use this revision id instead of a random one");
    }

    int run(Session& session) override {
        if (!usable_revision_message(session, message_, "merge")) return kExitUsage;
        auto project = open_project(session);
        if (!project) return kExitUsage;
        const auto& graph = project->graph;
        std::vector<std::string> parents;
        for (const auto& target : revisions_) {
            auto resolved = graph.resolve(target, graph.heads());
            if (!resolved) {
                session.diags.error(Category::Usage, resolved.error->message(), {},
                                    "name revisions by id or unique prefix, or write 'heads'");
                return kExitUsage;
            }
            for (const auto& id : resolved.value) {
                if (std::find(parents.begin(), parents.end(), id) == parents.end())
                    parents.push_back(id);
            }
        }
        if (parents.size() < 2) {
            session.diags.error(
                Category::Usage,
                "a merge joins at least two revisions; got " +
                    (parents.empty() ? std::string("none") : support::join_with(parents)),
                {}, "see 'autogen heads' for the heads to join");
            return kExitUsage;
        }
        // The merged branches' models together are the snapshot; scanned before
        // anything is written so that a model error leaves the folder as it was.
        auto scanned = scan_models(pipeline_context(session), *project->config);
        if (!scanned) return kExitUsage;
        migrate::RevisionDraft draft;
        draft.id = rev_id_.empty() ? migrate::new_revision_id() : rev_id_;
        draft.message = message_;
        draft.created = revision_clock();
        draft.down_revisions = parents;
        for (const auto& d : project->config->database.dialects)
            draft.dialects.push_back({d, {}, {}});
        auto path = migrate::write_revision(draft, writer_options(*project->config), session.diags);
        if (!path) return kExitUsage;
        session.result =
            Json{{"revision", draft.id},
                 {"down_revisions", ids_json(parents)},
                 {"path", std::filesystem::relative(*path, project->config->root).string()}};
        session.print("merged " + support::join_with(parents) + " into " + draft.id);
        session.print("wrote " +
                      std::filesystem::relative(*path, std::filesystem::current_path()).string());
        if (!record_new_revision(pipeline_context(session), *project->config, *path,
                                 scanned->schema, SumUpdate::AddUnlisted))
            return kExitUsage;
        return kExitOk;
    }

  private:
    std::string message_;
    std::vector<std::string> revisions_;
    std::string rev_id_;
};

}  // namespace

std::unique_ptr<Command> make_merge_command() { return std::make_unique<MergeCommand>(); }

}  // namespace autogen::cli
