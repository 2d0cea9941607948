// `autogen lint [REV...] [--latest N] [--no-database]`: the dangerous statements of
// revision files (lib/lint: locks, rewrites, scans, data loss, breaking renames), each
// with its code, file:line:col, the lock it takes and the safe alternative. No database
// needed; with one (the URL in effect, as for check), the findings are weighed by their
// tables' sizes (lint::weigh_by_size). Exit 1 on an error-level finding (SPEC §3).
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "command.hpp"
#include "db/url.hpp"
#include "introspect/inspector.hpp"
#include "lint/linter.hpp"
#include "lint_chain.hpp"
#include "pipeline/live_database.hpp"
#include "project.hpp"
#include "support/display_path.hpp"
#include "support/text.hpp"

namespace autogen::cli {

namespace {

using support::Category;

Json finding_json(const lint::LintFinding& f, const std::string& revision) {
    return Json{{"code", f.code},
                {"rule", f.name},
                {"severity", lint::to_string(f.severity)},
                {"revision", revision},
                {"file", support::relative_inside(f.path, std::filesystem::current_path())},
                {"line", f.line},
                {"column", f.column},
                {"dialect", f.dialect},
                {"direction", f.direction},
                {"lock", f.lock.empty() ? Json(nullptr) : Json(f.lock)},
                {"lock_on", f.lock_on.empty() ? Json(nullptr) : Json(f.lock_on)},
                {"rewrites", f.rewrites},
                {"scans", f.scans},
                {"message", f.message},
                {"fix", f.fix},
                {"statement", f.statement},
                {"table", f.table.empty() ? Json(nullptr) : Json(f.table)},
                {"table_rows", f.table_size && f.table_size->rows >= 0 ? Json(f.table_size->rows)
                                                                       : Json(nullptr)},
                {"table_bytes", f.table_size ? Json(f.table_size->bytes) : Json(nullptr)}};
}

/// The live database's table sizes, and its dialect, when a database URL is in effect.
/// A database that cannot be read is a warning: lint still says everything it says
/// without one.
std::optional<LiveSizes> read_table_sizes(Session& session, const support::Config& config) {
    // Only a dialect that can tell sizes is opened (a SQLite file not made yet is no reason
    // for a warning).
    const std::string url = session.database_url();
    const auto* dialect = session.dialects.find_by_scheme(db::url_scheme(url));
    if (!dialect || !dialect->inspector->reads_table_sizes()) return std::nullopt;
    // What opening and reading say is kept aside: an error here becomes a warning.
    support::Diagnostics said;
    pipeline::Context quiet{said, session.dialects};
    quiet.database_url = url;
    quiet.read_only = true;
    quiet.detail = [&session](const std::string& line) { session.detail(line); };
    auto unknown = [&] {
        for (const auto& d : said.items())
            if (d.severity == support::Severity::Error) {
                session.diags.warning(
                    Category::Database,
                    "table sizes unknown, findings not weighed by them: " + d.message, {},
                    "pass --no-database to lint without the database");
                break;
            }
        return std::nullopt;
    };
    auto live = pipeline::open_live(quiet, config, /*required=*/false);
    if (!live) return unknown();
    auto rows = live->dialect->inspector->table_sizes(*live->conn, said);
    if (!rows) return unknown();
    auto out = live_sizes(live->dialect->name, *rows);
    session.detail("table sizes: " + std::to_string(rows->size()) + " table(s) of " +
                   live->url.redacted());
    return out;
}

class LintCommand final : public Command {
  public:
    void configure(CLI::App& app, const DialectRegistry&) override {
        app.add_option("revisions", targets_,
                       "revisions to lint (id, unique prefix, head, label@head); default: all");
        app.add_option("--latest", latest_, "lint only the N newest revisions of the chain")
            ->check(CLI::PositiveNumber);
        app.add_flag("--no-database", no_database_,
                     "do not read the live database's table sizes (findings keep the severity of "
                     "their rule)");
    }

    bool needs_models() const override { return false; }

    int run(Session& session) override {
        auto project = open_project(session);
        if (!project) return kExitUsage;
        const auto& graph = project->graph;
        auto newest_first = graph.history();
        auto chosen = choose(session, graph, newest_first);
        if (!chosen) return kExitUsage;

        const auto dialects = linting_dialects(session.dialects, *project->config);

        const auto sizes =
            no_database_ ? std::nullopt : read_table_sizes(session, *project->config);
        auto chain = lint_chain(graph, dialects, *chosen, sizes ? &*sizes : nullptr);
        Json findings = Json::array();
        for (const auto& [revision, f] : chain.findings) {
            findings.push_back(finding_json(f, revision));
            print(session, f);
        }
        const auto& counts = chain.counts;
        const auto suppressed = chain.suppressed;
        session.result["revisions"] = Json::array();
        for (const auto* rev : newest_first)
            if (chosen->count(rev->id)) session.result["revisions"].push_back(rev->id);
        session.result["findings"] = std::move(findings);
        session.result["errors"] = counts[2];
        session.result["warnings"] = counts[1];
        session.result["infos"] = counts[0];
        session.result["suppressed"] = suppressed;
        session.info(std::to_string(counts[2]) + " error(s), " + std::to_string(counts[1]) +
                     " warning(s), " + std::to_string(counts[0]) + " note(s) in " +
                     std::to_string(chosen->size()) + " revision file(s)" +
                     (suppressed ? ", " + std::to_string(suppressed) + " suppressed" : ""));
        return counts[2] ? kExitDrift : kExitOk;
    }

  private:
    /// The ids to report: the named revisions, the latest N, or all.
    std::optional<std::set<std::string>> choose(
        Session& session, const migrate::RevisionGraph& graph,
        const std::vector<const migrate::Revision*>& newest_first) const {
        std::set<std::string> ids;
        if (targets_.empty()) {
            std::size_t n = latest_ > 0 ? static_cast<std::size_t>(latest_) : newest_first.size();
            for (std::size_t i = 0; i < n && i < newest_first.size(); ++i)
                ids.insert(newest_first[i]->id);
            return ids;
        }
        if (latest_ > 0) {
            session.diags.error(Category::Usage, "--latest and revision names do not go together",
                                {}, "give either revisions or --latest N");
            return std::nullopt;
        }
        std::vector<std::string> all;
        for (const auto* rev : newest_first) all.push_back(rev->id);
        bool ok = true;
        for (const auto& target : targets_) {
            auto resolved = graph.resolve(target, graph.heads());
            if (!resolved) {
                auto near = support::closest(target, all);
                session.diags.error(Category::Usage, resolved.error->message(), {},
                                    near.empty() ? "'autogen history' lists the revisions"
                                                 : "did you mean " + near + "?");
                ok = false;
                continue;
            }
            ids.insert(resolved.value.begin(), resolved.value.end());
        }
        if (!ok) return std::nullopt;
        return ids;
    }

    static void print(Session& session, const lint::LintFinding& f) {
        session.print(support::relative_inside(f.path, std::filesystem::current_path()) + ":" +
                      std::to_string(f.line) + ":" + std::to_string(f.column) + ": " +
                      lint::to_string(f.severity) + " " + f.code + " " + f.message + " [" +
                      f.dialect + " " + f.direction + ", " + f.name + "]");
        if (!f.lock.empty()) session.print("    lock: " + f.lock + " on " + f.lock_on);
        if (f.rewrites || f.scans)
            session.print(std::string("    table: ") + (f.rewrites ? "rewritten (every row copied)"
                                                                   : "scanned (every row read)"));
        session.print("    fix: " + f.fix);
    }

    std::vector<std::string> targets_;
    int latest_ = 0;
    bool no_database_ = false;
};

}  // namespace

std::unique_ptr<Command> make_lint_command() { return std::make_unique<LintCommand>(); }

}  // namespace autogen::cli
