// `autogen check`: the drift guard. Compares (1) the models with the schema the
// migration chain produces, replayed into a scratch database, and, when a database
// is configured and reachable, (2) revisions not applied to it, applied revisions
// edited since, and its live schema against the chain at its current revision.
// One line per finding; exit 1 on any, 0 when clean.
#include <algorithm>
#include <map>
#include <optional>
#include <nlohmann/json.hpp>

#include "command.hpp"
#include "diff/phrases.hpp"
#include "migrate/runner.hpp"
#include "migrate/version_table.hpp"
#include "pipeline.hpp"
#include "support/text.hpp"

namespace autogen::cli {

namespace {

using support::Category;

struct Finding {
    std::string kind;     ///< models, pending, edited, database, heads, unknown-revision
    std::string message;
};

/// Chain replays already made in this run, by dialect, with the heads they stop at:
/// the models check and the database check need the same one when the database is at
/// the head, and a replay is the costliest step after the scan.
struct ReplayMemo {
    std::map<std::string, std::pair<std::vector<std::string>, schema::Schema>> by_dialect;

    std::optional<schema::Schema> get(const Dialect& dialect, const migrate::RevisionGraph& graph,
                                      std::vector<std::string> heads, const support::Config& config,
                                      support::Diagnostics& diags) {
        std::sort(heads.begin(), heads.end());
        auto it = by_dialect.find(dialect.name);
        if (it != by_dialect.end() && it->second.first == heads) return it->second.second;
        auto chain = replay_chain(dialect, graph, heads, config, diags);
        if (chain) by_dialect[dialect.name] = {heads, *chain};
        return chain;
    }
};

class CheckCommand final : public Command {
public:
    void configure(CLI::App&) override {}

    int run(Session& session) override {
        auto project = open_project(session);
        if (!project) return kExitUsage;
        const auto* config = project->config;
        auto* graph = &project->graph;

        std::vector<Finding> findings;
        auto heads = graph->heads();
        if (heads.size() > 1) {
            findings.push_back({"heads", "the migration chain has several heads: " + support::join(heads) +
                                             " (join them with 'autogen merge -m MSG heads')"});
        }
        ReplayMemo replays;
        if (!check_models(session, *config, *graph, heads, replays, findings)) return session.exit_code();
        if (!check_database(session, *config, *graph, heads, replays, findings)) return session.exit_code();

        if (session.options.json) {
            nlohmann::ordered_json out{{"clean", findings.empty()}, {"findings", nlohmann::ordered_json::array()}};
            for (const auto& f : findings) out["findings"].push_back({{"kind", f.kind}, {"message", f.message}});
            session.print(out.dump(2));
        } else {
            for (const auto& f : findings) session.print(f.message);
            if (findings.empty()) {
                session.print(session.database_url().empty()
                                  ? "no drift: the models match the migration chain"
                                  : "no drift: the models, the migration chain and the database agree");
            } else {
                session.info(std::to_string(findings.size()) + " finding(s); write a revision with "
                             "'autogen revision -m MSG' or apply pending ones with 'autogen upgrade head'");
            }
        }
        return findings.empty() ? kExitOk : kExitDrift;
    }

private:
    /// Models vs the chain, for every configured dialect.
    static bool check_models(Session& session, const support::Config& config, const migrate::RevisionGraph& graph,
                             const std::vector<std::string>& heads, ReplayMemo& replays,
                             std::vector<Finding>& findings) {
        if (heads.size() > 1) return true;  // no single chain to compare with
        auto scanned = scan_models(session, config);
        if (!scanned) return false;
        std::vector<std::string> seen;
        for (const auto& name : config.database.dialects) {
            const Dialect* dialect = require_dialect(session, name);
            if (!dialect) return false;
            auto desired = materialize(*dialect, scanned->schema, config, session.diags);
            if (!desired) return false;
            auto chain = replays.get(*dialect, graph, heads, config, session.diags);
            if (!chain) return false;
            auto change = plan_change(*dialect, *chain, *desired, session.diags);
            if (!change) return false;
            for (const auto& op : change->operations) {
                std::string line = "models differ from the migrations: " + diff::describe(op);
                if (config.database.dialects.size() > 1) line += " [" + name + "]";
                if (std::find(seen.begin(), seen.end(), line) == seen.end()) {
                    seen.push_back(line);
                    findings.push_back({"models", line});
                }
            }
        }
        return true;
    }

    /// Pending and edited revisions, and the live schema vs the chain at its revision.
    static bool check_database(Session& session, const support::Config& config, const migrate::RevisionGraph& graph,
                               const std::vector<std::string>& heads, ReplayMemo& replays,
                               std::vector<Finding>& findings) {
        auto live = open_live(session, config, /*required=*/false);
        if (session.diags.has_errors()) return false;
        if (!live) return true;
        migrate::VersionTable table(config.migrations.version_table);
        auto current = migrate::current(*live->conn, config.migrations.version_table, session.diags);
        if (!current) return false;
        for (const auto& id : *current) {
            if (!graph.find(id)) {
                findings.push_back({"unknown-revision", "the database is at revision " + id +
                                                            ", which no file in " + config.migrations.dir + " declares"});
                return true;  // nothing else can be compared
            }
        }
        if (heads.size() == 1) {
            auto path = graph.upgrade_path(*current, heads);
            if (path) {
                for (const auto* rev : path.value) {
                    findings.push_back({"pending", "revision " + rev->id + " (" + rev->message + ", " +
                                                       rev->path.filename().string() +
                                                       ") is not applied to the database"});
                }
            }
        }
        if (table.exists(*live->conn)) {
            auto sums = table.checksums(*live->conn, session.diags);
            if (!sums) return false;
            for (const auto& [id, sum] : *sums) {
                const auto* rev = graph.find(id);
                if (rev && !sum.empty() && sum != rev->checksum) {
                    findings.push_back({"edited", "revision " + id + " (" + rev->path.filename().string() +
                                                      ") was edited after it was applied"});
                }
            }
        }
        auto chain = replays.get(*live->dialect, graph, *current, config, session.diags);
        if (!chain) return false;
        auto schema = inspect_live(*live, config, session.diags);
        if (!schema) return false;
        auto change = plan_change(*live->dialect, *chain, *schema, session.diags);
        if (!change) return false;
        std::string at = current->empty() ? "base" : support::join(*current);
        for (const auto& op : change->operations) {
            findings.push_back({"database", "the database differs from the migrations at " + at + ": " +
                                                diff::describe(op, diff::Perspective::Database)});
        }
        return true;
    }
};

}  // namespace

std::unique_ptr<Command> make_check_command() { return std::make_unique<CheckCommand>(); }

}  // namespace autogen::cli
