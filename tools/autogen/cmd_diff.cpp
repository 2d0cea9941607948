// `autogen diff`: prints what `revision` would write (the detected operations, then the
// rendered revision file), writing nothing. `--json` gives the operations as objects and
// the statements per dialect for tools (docs/json.md).
#include <nlohmann/json.hpp>

#include "command.hpp"
#include "data_loss_gate.hpp"
#include "project.hpp"
#include "revision_clock.hpp"

namespace autogen::cli {

namespace {

Json statements_json(const std::vector<codegen::Statement>& statements) {
    auto out = Json::array();
    for (const auto& s : statements) {
        out.push_back({{"sql", s.sql},
                       {"comment", s.comment},
                       {"destructive", s.destructive},
                       {"warning", s.warning},
                       {"no_transaction", s.no_transaction}});
    }
    return out;
}

class DiffCommand final : public Command {
  public:
    void configure(CLI::App& app, const DialectRegistry&) override {
        app.add_option("-m,--message", message_, "message to render into the preview");
        app.add_option(
            "--dev-url", dev_url_,
            "a PostgreSQL server where diff may create a temporary database (overrides [database] "
            "dev_url; diff never makes one on the live server by itself)");
    }

    int run(Session& session) override {
        auto project = open_project(session);
        if (!project) return kExitUsage;
        // A copy, so that --dev-url reaches the dialects' scratch databases.
        support::Config effective = *project->config;
        if (!apply_dev_url(session, effective, dev_url_)) return kExitUsage;
        const auto* config = &effective;
        auto* graph = &project->graph;
        auto changes = compute_model_changes(pipeline_context(session), *config, *graph, {});
        if (!changes) return kExitUsage;
        auto operations = describe_all(changes->primary().operations);
        const auto lossy = destructive_flags(changes->primary());

        if (session.options.json) {
            std::vector<const PlannedChange*> planned;
            for (const auto& p : changes->per_dialect) planned.push_back(&p);
            Json ops = Json::array();
            for (std::size_t i = 0; i < operations.size(); ++i)
                ops.push_back(operation_json(changes->primary().operations[i], lossy[i], planned));
            session.result["operations"] = ops;
            session.result["hints"] = changes->primary().hints;
            session.result["dialects"] = Json::array();
            for (const auto& p : changes->per_dialect) {
                session.result["dialects"].push_back(
                    {{"name", p.statements.dialect},
                     {"upgrade", statements_json(p.statements.upgrade)},
                     {"downgrade", statements_json(p.statements.downgrade)}});
            }
            return kExitOk;
        }
        if (operations.empty()) {
            session.print("no changes detected");
            return kExitOk;
        }
        for (std::size_t i = 0; i < operations.size(); ++i)
            session.info(
                {{"detected " + operations[i]}, {lossy[i] ? " [data loss]" : "", Tone::Danger}});
        for (const auto& hint : changes->primary().hints)
            session.info({{"hint:", Tone::Hint}, {" " + hint}});
        migrate::RevisionDraft draft;
        draft.id = migrate::new_revision_id();  // what `revision` would use; nothing is written
        draft.message = message_;
        draft.created = revision_clock();
        draft.down_revisions = changes->heads;
        draft.operations = operations;
        for (auto& p : changes->per_dialect) draft.dialects.push_back(std::move(p.statements));
        auto text = migrate::render_revision(draft, writer_options(*config), session.diags);
        if (!text) return kExitUsage;
        session.print_text(*text);
        return kExitOk;
    }

  private:
    std::string message_ = "(preview)";
    std::string dev_url_;
};

}  // namespace

std::unique_ptr<Command> make_diff_command() { return std::make_unique<DiffCommand>(); }

}  // namespace autogen::cli
