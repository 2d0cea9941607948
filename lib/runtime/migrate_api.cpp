// The functions of <autogen/migrate.hpp>: each opens the database from its URL
// (db::open_url), reads the source into the same RevisionGraph the CLI reads, and calls
// the runner the CLI's upgrade, downgrade, stamp and current call (lib/migrate), so the
// version table, its log, the checksums, autogen.sum, the lock and the transactions
// are the CLI's. Diagnostics become Error values (error_value.hpp); nothing is printed.
#include <algorithm>
#include <autogen/migrate.hpp>
#include <exception>

#include "db/endpoint.hpp"
#include "migrate/integrity.hpp"
#include "migrate/revision_graph.hpp"
#include "migrate/runner.hpp"
#include "migrate/sum_file.hpp"
#include "migrate/version_table.hpp"
#include "runtime/error_value.hpp"
#include "support/printable_text.hpp"
#include "support/text.hpp"

namespace autogen::migrate {

namespace {

namespace fs = std::filesystem;
using runtime::error_from;
using runtime::error_of;

/// Runs `body`, turning an exception (a bug, or out of memory) into an Internal error.
template <class T, class Body>
Result<T> guarded(Body&& body) {
    try {
        return body();
    } catch (const std::exception& e) {
        return error_of(ErrorKind::Internal, std::string("internal failure: ") + e.what(),
                        "this is a bug in autogen; please report it with what you ran");
    }
}

/// Every dialect this build connects to: a revision may carry sections for any.
std::vector<std::string> known_dialects() {
    std::vector<std::string> names;
    for (const auto& e : db::endpoints()) names.push_back(e.name);
    return names;
}

/// The chain compiled into the program: its *.sql files in name order, as
/// RevisionGraph::load reads a folder.
std::optional<RevisionGraph> load_embedded(const Source& source, support::Diagnostics& diags) {
    std::vector<const EmbeddedFile*> sql;
    for (const auto& f : source.files)
        if (fs::path(f.name).extension() == ".sql") sql.push_back(&f);
    std::sort(sql.begin(), sql.end(),
              [](const EmbeddedFile* a, const EmbeddedFile* b) { return a->name < b->name; });
    std::vector<Revision> revisions;
    bool ok = true;
    for (const auto* f : sql) {
        if (auto rev = parse_revision(f->text, source.dir / std::string(f->name), known_dialects(),
                                      diags)) {
            revisions.push_back(std::move(*rev));
        } else {
            ok = false;  // every bad file at once, as for a folder
        }
    }
    if (!ok) return std::nullopt;
    return RevisionGraph::build(std::move(revisions), diags);
}

/// The chain in `source`: a folder that is not there is an error (an application that
/// ships without its migrations must not start as if there were none).
std::optional<RevisionGraph> load_graph(const Source& source, support::Diagnostics& diags) {
    if (source.is_embedded) return load_embedded(source, diags);
    std::error_code ec;
    if (!fs::is_directory(source.dir, ec)) {
        diags.error(support::Category::Config,
                    fs::exists(source.dir, ec) ? "the migrations folder is a file, not a folder"
                                               : "the migrations folder does not exist",
                    {source.dir.string()},
                    "pass autogen::migrate::folder() the folder that holds the revision files "
                    "(*.sql), as deployed with the application");
        return std::nullopt;
    }
    return RevisionGraph::load(source.dir, known_dialects(), diags);
}

/// What the source's autogen.sum says (Missing when it has none).
SumRead source_sum(const Source& source) {
    if (!source.is_embedded) return read_sum(source.dir / std::string(kSumFileName));
    for (const auto& f : source.files)
        if (f.name == kSumFileName) return parse_sum(f.text);
    return {};
}

fs::path base_dir(const Options& options) {
    std::error_code ec;
    return options.base_dir.empty() ? fs::current_path(ec) : options.base_dir;
}

/// The runner's options for `source` as the CLI builds them (tools/autogen/run_options.cpp).
RunOptions run_options(const db::OpenedDatabase& db, const Source& source, const Options& options) {
    RunOptions run;
    run.dialect = db.endpoint->name;
    run.version_table = options.version_table;
    run.migrations_dir = source.dir.string();
    run.allow_edited = options.allow_edited;
    const fs::path sum = source.dir / std::string(kSumFileName);
    run.sums = RecordedSums{source_sum(source), sum.string()};
    run.lock_wait.timeout_seconds = options.lock_timeout_seconds;
    if (options.logger) {
        run.lock_wait.on_wait = [logger = options.logger](const std::string& line) {
            logger(LogLevel::Info, db::redact_password(line));
        };
        run.progress = [logger = options.logger](const support::Progress& p) {
            if (p.finished) return;
            std::string line = p.step;
            if (p.total) line += " " + std::to_string(p.done + 1) + "/" + std::to_string(p.total);
            if (!p.item.empty()) line += " " + p.item;
            logger(LogLevel::Info, line);
        };
    }
    return run;
}

enum class Move { Upgrade, Downgrade, Stamp };

Result<Report> run_move(std::string_view url, const Source& source, std::string_view target,
                        const Options& options, Move how) {
    return guarded<Report>([&]() -> Result<Report> {
        support::Diagnostics diags;
        auto graph = load_graph(source, diags);
        if (!graph) return error_from(diags, nullptr);
        auto db = db::open_url(std::string(url), base_dir(options), db::Access::ReadWrite, diags);
        if (!db) return error_from(diags, &*graph);
        const RunOptions run = run_options(*db, source, options);
        RunResult result = how == Move::Upgrade ? upgrade(*db->conn, *graph, target, run, diags)
                           : how == Move::Downgrade
                               ? downgrade(*db->conn, *graph, target, run, diags)
                               : stamp(*db->conn, *graph, target, run, diags);
        runtime::log_warnings(diags, options.logger);
        if (!result.ok) return error_from(diags, &*graph);
        Report report;
        report.before = result.heads_before;
        report.after = result.heads_after;
        for (const auto& r : result.applied) {
            report.steps.push_back({r.id, r.message, r.no_transaction});
            if (options.logger) {
                options.logger(LogLevel::Info,
                               std::string(how == Move::Downgrade ? "reverted " : "applied ") +
                                   r.id + " " + support::one_line_text(r.message));
            }
        }
        return report;
    });
}

/// The revisions of `source`'s chain that `pick` (graph -> revisions) chooses.
template <class Pick>
Result<std::vector<RevisionInfo>> chain_revisions(const Source& source, Pick pick) {
    return guarded<std::vector<RevisionInfo>>([&]() -> Result<std::vector<RevisionInfo>> {
        support::Diagnostics diags;
        auto graph = load_graph(source, diags);
        if (!graph) return error_from(diags, nullptr);
        std::vector<RevisionInfo> out;
        for (const Revision* rev : pick(*graph))
            out.push_back({rev->id, rev->message, rev->down_revisions, rev->path});
        return out;
    });
}

}  // namespace

Source folder(std::filesystem::path dir) { return Source{std::move(dir)}; }

Result<Report> upgrade(std::string_view url, const Source& source, std::string_view target,
                       const Options& options) {
    return run_move(url, source, target, options, Move::Upgrade);
}

Result<Report> downgrade(std::string_view url, const Source& source, std::string_view target,
                         const Options& options) {
    return run_move(url, source, target, options, Move::Downgrade);
}

Result<Report> stamp(std::string_view url, const Source& source, std::string_view target,
                     const Options& options) {
    return run_move(url, source, target, options, Move::Stamp);
}

Result<std::vector<std::string>> current(std::string_view url, const Options& options) {
    return guarded<std::vector<std::string>>([&]() -> Result<std::vector<std::string>> {
        support::Diagnostics diags;
        auto db = db::open_url(std::string(url), base_dir(options), db::Access::ReadOnly, diags);
        if (!db) return error_from(diags, nullptr);
        auto ids = migrate::current(*db->conn, options.version_table, diags);
        if (!ids) return error_from(diags, nullptr);
        return *ids;
    });
}

Result<std::vector<RevisionInfo>> heads(const Source& source) {
    return chain_revisions(source, [](const RevisionGraph& graph) {
        std::vector<const Revision*> out;
        for (const auto& id : graph.heads()) out.push_back(graph.find(id));
        return out;
    });
}

Result<std::vector<RevisionInfo>> history(const Source& source) {
    return chain_revisions(source, [](const RevisionGraph& graph) { return graph.history(); });
}

Result<std::vector<std::string>> check_applied(std::string_view url, const Source& source,
                                               const Options& options) {
    return guarded<std::vector<std::string>>([&]() -> Result<std::vector<std::string>> {
        support::Diagnostics diags;
        auto graph = load_graph(source, diags);
        if (!graph) return error_from(diags, nullptr);
        auto db = db::open_url(std::string(url), base_dir(options), db::Access::ReadOnly, diags);
        if (!db) return error_from(diags, &*graph);
        // One read when the version table and its log are there (VersionTable::read_state);
        // otherwise the long way, which tells a database with no table yet from one
        // that cannot be read.
        VersionTable table(options.version_table);
        auto state = table.read_state(*db->conn);
        auto ids = state ? std::optional(state->heads)
                         : migrate::current(*db->conn, options.version_table, diags);
        if (!ids) return error_from(diags, &*graph);
        for (const auto& id : *ids) {
            if (!graph->find(id)) {
                return error_of(ErrorKind::MigrationFile,
                                "the database is at revision " + id + ", which " +
                                    source.dir.string() + " does not have",
                                "deploy the migrations that go with this database (a newer "
                                "release applied it?), or downgrade it with that release",
                                id);
            }
        }
        // Edited: the log's checksum of each applied revision against its file now.
        if (!ids->empty()) {
            auto logged =
                state ? std::optional(state->checksums) : table.checksums(*db->conn, diags);
            if (!logged) return error_from(diags, &*graph);
            if (!applied_unedited(*graph, *logged, "upgrade", diags))
                return error_from(diags, &*graph);
        }
        auto pending = graph->upgrade_path(*ids, graph->heads());
        if (!pending) {
            return error_of(ErrorKind::Usage, pending.error->message(),
                            "join the chain's heads with 'autogen merge', or upgrade the "
                            "database to the heads first");
        }
        if (!pending.value.empty()) {
            std::vector<std::string> names;
            for (const auto* rev : pending.value) names.push_back(rev->id);
            return error_of(ErrorKind::Pending,
                            std::to_string(names.size()) +
                                (names.size() == 1 ? " revision is" : " revisions are") +
                                " not applied yet: " + support::join_with(names),
                            "run autogen::migrate::upgrade (or `autogen upgrade head`)",
                            names.front());
        }
        return *ids;
    });
}

}  // namespace autogen::migrate
