// `autogen diff`: prints what `revision` would write (the detected operations, then the
// rendered revision file), writing nothing. `--json` gives the operations as objects and
// the statements per dialect for tools (docs/json.md).
#include "command.hpp"
#include "data_loss_gate.hpp"
#include "project.hpp"
#include "revision_clock.hpp"

namespace autogen::cli {

namespace {

void write_statements(support::JsonWriter& w, const std::vector<codegen::Statement>& statements) {
    w.begin_array();
    for (const auto& s : statements) {
        w.begin_object();
        w.member("sql", s.sql);
        w.member("comment", s.comment);
        w.member("destructive", s.destructive);
        w.member("warning", s.warning);
        w.member("no_transaction", s.no_transaction);
        w.end_object();
    }
    w.end_array();
}

/// The --json result, written straight into the document (a change of thousands of
/// tables): each operation is a small DOM (operation_json), the rest is streamed.
void stream_result(Session& session, std::vector<Json> operations, std::vector<std::string> hints,
                   std::vector<migrate::DialectStatements> dialects) {
    session.stream_result([operations = std::move(operations), hints = std::move(hints),
                           dialects = std::move(dialects)](support::JsonWriter& w) {
        w.begin_object();
        w.key("operations").begin_array();
        for (const auto& op : operations) w.value(op);
        w.end_array();
        w.member("hints", hints);
        w.key("dialects").begin_array();
        for (const auto& d : dialects) {
            w.begin_object();
            w.member("name", d.dialect);
            w.key("upgrade");
            write_statements(w, d.upgrade);
            w.key("downgrade");
            write_statements(w, d.downgrade);
            w.end_object();
        }
        w.end_array();
        w.end_object();
    });
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
        // What `revision` would write: online when the config says so.
        ChangeOptions options;
        const auto online = support::online_planning(*config);
        options.plan.online = online.online;
        options.plan.lock_timeout = online.lock_timeout;
        auto changes = compute_model_changes(pipeline_context(session), *config, *graph, options);
        if (!changes) return kExitUsage;
        auto operations = describe_all(changes->primary().operations);
        const auto lossy = destructive_flags(changes->primary());

        if (session.options.json) {
            std::vector<const PlannedChange*> planned;
            for (const auto& p : changes->per_dialect) planned.push_back(&p);
            std::vector<Json> ops;
            for (std::size_t i = 0; i < operations.size(); ++i)
                ops.push_back(operation_json(changes->primary().operations[i], lossy[i], planned));
            std::vector<migrate::DialectStatements> dialects;
            for (auto& p : changes->per_dialect) dialects.push_back(std::move(p.statements));
            stream_result(session, std::move(ops), changes->primary().hints, std::move(dialects));
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
