// `autogen check`: the drift guard for pre-commit and CI. Always: autogen.sum is
// readable and every revision file matches its recorded checksum; the chain has one
// head. Then, per configured dialect, the models are compared with the schema the
// migration chain produces, replayed into a scratch database, and the sum's snapshot
// with that chain too; with no scratch database (--offline, or a dialect whose server
// is not available) the models are compared with the snapshot instead. With a live
// database (unless --no-database / --offline): revisions not applied to it, applied
// revisions edited since, and its schema vs the chain at its current revision. Last,
// the new revisions are linted (those not applied to the live database, else the
// heads): an error-level lint finding is a finding (--no-lint skips it).
// One line per finding; exit 1 on any, 0 when clean (docs/check.md).
#include <algorithm>
#include <filesystem>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>

#include "command.hpp"
#include "data_loss_gate.hpp"
#include "diff/phrases.hpp"
#include "lint_chain.hpp"
#include "migrate/runner.hpp"
#include "migrate/schema_snapshot.hpp"
#include "migrate/unknown_revision.hpp"
#include "migrate/version_table.hpp"
#include "pipeline/snapshot_read_ahead.hpp"
#include "project.hpp"
#include "support/display_path.hpp"
#include "support/printable_text.hpp"
#include "support/text.hpp"

namespace autogen::cli {

namespace {

using support::Category;

/// The chain's schema per dialect, with the heads it stops at, made once per run: the
/// models check and the database check need the same one when the database is at the
/// head, and a replay is the costliest step after the scan. When autogen.sum stands for
/// the chain (sum_stands_for_chain), the chain at its heads is the sum's snapshot read
/// back (table by table from the memo, or from live tables the sum's digests vouch for),
/// and nothing is replayed.
struct ChainSchemas {
    std::map<std::string,
             std::pair<std::vector<std::string>, std::shared_ptr<const schema::Schema>>>
        by_dialect;
    std::optional<schema::Schema> snapshot;   ///< set when the sum stands for the chain
    std::vector<std::string> snapshot_heads;  ///< sorted
    const std::optional<migrate::SumFile>* sum = nullptr;
    const Dialect* live_dialect = nullptr;
    const schema::Schema* live_schema = nullptr;

    /// The chain's schema of `dialect` at `heads` (kept for the next get), or nullptr.
    std::shared_ptr<const schema::Schema> get(const Dialect& dialect,
                                              const migrate::RevisionGraph& graph,
                                              std::vector<std::string> heads,
                                              const support::Config& config,
                                              support::Diagnostics& diags, bool cache_only = false,
                                              const support::ProgressCallback& progress = {}) {
        std::sort(heads.begin(), heads.end());
        auto it = by_dialect.find(dialect.name);
        if (it != by_dialect.end() && it->second.first == heads) return it->second.second;
        std::optional<schema::Schema> chain;
        if (snapshot && heads == snapshot_heads) {
            const MaterializeHints hints{&dialect == live_dialect ? live_schema : nullptr,
                                         sum ? recorded_digests(*sum, dialect.name) : nullptr};
            chain = materialize(dialect, *snapshot, config, diags, cache_only, progress, hints);
        } else {
            chain = replay_chain(dialect, graph, heads, config, diags, cache_only, progress);
        }
        if (!chain) return nullptr;
        auto kept = std::make_shared<const schema::Schema>(std::move(*chain));
        by_dialect[dialect.name] = {std::move(heads), kept};
        return kept;
    }

    bool from_snapshot() const { return snapshot.has_value(); }
};

/// A finding as check reports it: the library's (pipeline/finding.hpp) and, for --json,
/// the difference as an operation object (json_output.hpp) when it is one.
struct Finding : pipeline::Finding {
    Json operation = nullptr;
    Finding(pipeline::Finding f) : pipeline::Finding(std::move(f)) {}
    Finding(std::string kind, std::string where, std::string message, bool destructive = false,
            Json op = nullptr)
        : pipeline::Finding{std::move(kind), std::move(where), std::move(message), destructive},
          operation(std::move(op)) {}
};

/// Adds findings, dropping a line already reported (several dialects often see the
/// same difference).
struct FindingList {
    std::vector<Finding> items;
    void add(Finding f) {
        bool seen = std::any_of(items.begin(), items.end(),
                                [&](const Finding& o) { return o.message == f.message; });
        if (!seen) items.push_back(std::move(f));
    }
};

class CheckCommand final : public Command {
  public:
    void configure(CLI::App& app, const DialectRegistry&) override {
        app.add_flag(
            "--no-database", no_database_,
            "leave the configured database alone: check the models, the migration chain and "
            "autogen.sum only (what a pre-commit hook wants)");
        app.add_flag(
            "--offline", offline_,
            "use no database at all, not even a scratch one: compare the models with the snapshot "
            "in autogen.sum and each revision file with its checksum (implies --no-database)");
        app.add_option(
            "--dev-url", dev_url_,
            "a PostgreSQL server where check may create a temporary database to replay the chain "
            "(overrides [database] dev_url)");
        app.add_flag("--no-lint", no_lint_,
                     "do not lint the new revisions (those not applied to the database, else "
                     "the heads)");
        app.add_flag("--replay", replay_,
                     "replay the migration chain even when autogen.sum stands for it, and check "
                     "the sum's snapshot against it (what a check after a hand edit wants)");
    }

    int run(Session& session) override {
        auto project = open_project(session);
        if (!project) return kExitUsage;
        // A copy, so that --dev-url reaches the dialects' scratch databases.
        support::Config effective = *project->config;
        const auto* config = &effective;
        const auto& graph = project->graph;
        if (!apply_dev_url(session, effective, dev_url_)) return kExitUsage;
        // The live schema is read while the revision files, autogen.sum and the models
        // are loaded below: most of its time is the server's.
        std::optional<pipeline::LiveReadAhead> live_ahead;
        if (!offline_ && !no_database_) live_ahead.emplace(pipeline_context(session), effective);

        FindingList findings;
        auto heads = graph.heads();
        if (heads.size() > 1) {
            findings.add({"heads", config->migrations.dir,
                          "the migration chain has several heads: " + support::join_with(heads) +
                              " (join them with 'autogen merge -m MSG heads')"});
        }
        std::vector<pipeline::Finding> sum_findings;
        auto sum = check_sum_file(*config, graph, sum_findings);
        const bool sum_clean = sum && sum_findings.empty();
        for (auto& f : sum_findings) findings.add(std::move(f));

        // A sum that stands for the chain is read back while the models are scanned.
        const bool sum_for_chain =
            heads.size() <= 1 && sum_clean && !replay_ && sum_stands_for_chain(graph, *sum);
        std::optional<pipeline::SnapshotReadAhead> snapshot_ahead;
        if (sum_for_chain && live_ahead) snapshot_ahead.emplace(effective, sum, graph, *live_ahead);

        // The scan comes first: the tables that unscanned files declare are kept out of
        // every comparison below (the chain's, the snapshot's and the database's).
        std::optional<scan::ScanResult> scanned;
        if (heads.size() <= 1) {  // else there is no single chain to compare the models with
            std::vector<scan::BlindSpot> blind_spots;
            scanned = scan_models(pipeline_context(session), effective, &blind_spots);
            if (!scanned) return session.exit_code();
            for (auto& f : blind_spot_findings(effective, blind_spots)) findings.add(std::move(f));
            auto kept = keep_unscanned_tables(pipeline_context(session), effective, blind_spots,
                                              scanned->schema);
            if (!kept) return session.exit_code();
            effective = std::move(*kept);
        }

        ChainSchemas replays;
        replays.sum = &sum;
        // A sum whose checksums vouch for every revision file stands for the chain: its
        // snapshot is the chain's schema at the heads, read back without a replay.
        if (scanned && sum_for_chain) {
            replays.snapshot_heads = sum->heads;
            std::sort(replays.snapshot_heads.begin(), replays.snapshot_heads.end());
            if (snapshot_ahead) {
                auto taken = snapshot_ahead->take(pipeline_context(session), *config);
                replays.snapshot = std::move(taken.snapshot);
                if (taken.chain)
                    replays.by_dialect[taken.dialect->name] = {replays.snapshot_heads,
                                                               std::move(taken.chain)};
            } else {
                replays.snapshot = recorded_snapshot(*config, sum, graph, session.diags);
            }
            if (session.diags.has_errors()) return session.exit_code();
        }
        // The live schema is read once, first: its tables stand for the tables the sum's
        // digests vouch for, on both sides of the models check.
        if (!offline_ && !no_database_) {
            live_ = live_ahead->take(pipeline_context(session), *config, live_schema_);
            if (session.diags.has_errors()) return session.exit_code();
            if (live_) {
                if (!live_schema_) return session.exit_code();
                replays.live_dialect = live_->dialect;
                replays.live_schema = live_schema_.get();
            }
        }
        bool used_scratch = false;
        if (scanned && !check_models(session, *config, graph, *scanned, sum, replays, findings,
                                     used_scratch)) {
            return session.exit_code();
        }
        if (!offline_ && !no_database_) {
            if (!check_database(session, *config, graph, heads, replays, findings))
                return session.exit_code();
        }
        if (!no_lint_) lint_new_revisions(session, *config, graph, heads, findings);
        print(session, *config, findings.items, used_scratch);
        return findings.items.empty() ? kExitOk : kExitDrift;
    }

  private:
    /// The revisions a change adds are linted as `autogen lint` would: those the live
    /// database has not applied when it was read, else the heads (a commit's new
    /// revision is the head). Each error-level finding is a `lint` finding; warnings
    /// and notes stay `autogen lint`'s.
    void lint_new_revisions(Session& session, const support::Config& config,
                            const migrate::RevisionGraph& graph,
                            const std::vector<std::string>& heads, FindingList& findings) {
        std::set<std::string> chosen;
        if (pending_read_)
            chosen = pending_;
        else
            chosen.insert(heads.begin(), heads.end());
        if (chosen.empty()) return;
        std::optional<LiveSizes> sizes;
        if (live_ && live_->dialect->inspector->reads_table_sizes()) {
            support::Diagnostics quiet;  // unknown sizes leave each rule's own severity
            if (auto rows = live_->dialect->inspector->table_sizes(*live_->conn, quiet))
                sizes = live_sizes(live_->dialect->name, *rows);
        }
        auto chain = lint_chain(graph, linting_dialects(session.dialects, config), chosen,
                                sizes ? &*sizes : nullptr);
        for (const auto& [revision, f] : chain.findings) {
            if (f.severity != lint::LintSeverity::Error) continue;
            const std::string where =
                support::relative_inside(f.path, std::filesystem::current_path()) + ":" +
                std::to_string(f.line) + ":" + std::to_string(f.column);
            findings.add({"lint", where,
                          where + ": revision " + revision + ": " + f.code + " " + f.message +
                              " [" + f.dialect + " " + f.direction + "] (fix: " + f.fix +
                              "; or '-- autogen:lint ignore " + f.code +
                              " reason' above it; 'autogen lint' says more)"});
        }
    }

    /// Models vs the chain (scratch database) and the snapshot vs the chain, or models
    /// vs the snapshot where no scratch database is available; for every dialect.
    bool check_models(Session& session, const support::Config& config,
                      const migrate::RevisionGraph& graph, const scan::ScanResult& models,
                      const std::optional<migrate::SumFile>& sum, ChainSchemas& replays,
                      FindingList& findings, bool& used_scratch) {
        const auto heads = graph.heads();
        const auto* scanned = &models;
        const std::string models_text = migrate::snapshot_text(scanned->schema);
        const bool snapshot_is_models = sum && sum->snapshot == models_text;
        std::optional<schema::Schema> snapshot;  // parsed on first need
        bool snapshot_parsed = false;
        auto need_snapshot = [&]() -> const schema::Schema* {
            if (replays.snapshot) return &*replays.snapshot;  // the same, parsed already
            if (!snapshot_parsed) {
                snapshot_parsed = true;
                snapshot = recorded_snapshot(config, sum, graph, session.diags);
            }
            return snapshot ? &*snapshot : nullptr;
        };
        const bool several = config.database.dialects.size() > 1;
        bool warned_renames = false;  // once per command, not per dialect
        const std::string sum_name = sum_display(config);

        for (const auto& name : config.database.dialects) {
            const Dialect* dialect = require_dialect(session.dialects, name, session.diags);
            if (!dialect) return false;
            const std::string tag = several ? " [" + name + "]" : "";
            std::string why;
            const bool scratch = !offline_ && scratch_available(*dialect, config, why);
            // No scratch database (a read-only command makes none on the live server,
            // SPEC §3): the caches may still hold both the chain and the models.
            const MaterializeHints hints{
                dialect == replays.live_dialect ? replays.live_schema : nullptr,
                recorded_digests(sum, name)};
            const bool cached =
                !offline_ && !scratch &&
                replays.get(*dialect, graph, heads, config, session.diags, true) &&
                materialize(*dialect, scanned->schema, config, session.diags, true, {}, hints);
            if (session.diags.has_errors()) return false;
            if (cached) {
                session.info("no scratch " + name + " database (" + why +
                             "): the models and the migration chain come from autogen's cache");
            }
            if (!scratch && !cached) {
                if (!offline_) {
                    session.info("no scratch " + name + " database (" + why +
                                 "): comparing the models with " + sum_name +
                                 " instead of the replayed chain");
                }
                if (snapshot_is_models) continue;
                const auto* recorded = need_snapshot();
                if (session.diags.has_errors()) return false;
                if (!recorded) {
                    session.diags.warning(
                        Category::MigrationFile,
                        "the models were not checked for " + name +
                            ": no scratch database and no "
                            "readable " +
                            sum_name,
                        {}, "fix " + sum_name + " as the finding says, or check with a database");
                    continue;
                }
                auto ops = diff_models(*dialect, *recorded, scanned->schema, session.diags);
                if (!ops) return false;
                // Before the first revision there is no sum: the chain is empty.
                const std::string against =
                    sum ? "the snapshot in " + sum_name : std::string("the migrations");
                const auto lossy = introspect::destructive_operations(
                    *ops, *recorded, scanned->schema, *dialect->impact);
                for (std::size_t i = 0; i < ops->size(); ++i) {
                    findings.add(
                        {"models", sum ? sum_name : config.migrations.dir,
                         "models differ from " + against + ": " + diff::describe((*ops)[i]) + tag,
                         lossy[i], operation_json((*ops)[i], lossy[i])});
                }
                continue;
            }
            used_scratch = true;
            auto chain = replays.get(*dialect, graph, heads, config, session.diags, false,
                                     session.progress());
            if (!chain) return false;
            auto desired = materialize(*dialect, scanned->schema, config, session.diags, false,
                                       session.progress(), hints);
            if (!desired) return false;
            auto change = plan_change(*dialect, chain,
                                      std::make_shared<const schema::Schema>(std::move(*desired)),
                                      session.diags);
            if (!change) return false;
            if (!warned_renames) warn_ignored_renames(*change, session.diags);
            warned_renames = true;
            const auto lossy = destructive_flags(*change);
            for (std::size_t i = 0; i < change->operations.size(); ++i) {
                findings.add(
                    {"models", config.migrations.dir,
                     "models differ from the migrations: " + diff::describe(change->operations[i]) +
                         tag,
                     lossy[i], operation_json(change->operations[i], lossy[i], {&*change})});
            }
            for (const auto& hint : change->hints) {
                session.print({{"hint:", Tone::Hint}, {" " + hint}});
                hints_.push_back(hint);
            }
            // The snapshot is what a database-free check trusts elsewhere; verify it
            // here, where the chain can be replayed. Equal to the models: done above.
            if (snapshot_is_models || !sum || replays.from_snapshot()) continue;
            const auto* recorded = need_snapshot();
            if (!recorded) return false;
            auto materialized =
                materialize(*dialect, *recorded, config, session.diags, cached, {}, hints);
            if (!materialized && cached && !session.diags.has_errors())
                continue;  // not cached: unverified
            if (!materialized) return false;
            auto snap_change = plan_change(
                *dialect, chain, std::make_shared<const schema::Schema>(std::move(*materialized)),
                session.diags);
            if (!snap_change) return false;
            for (const auto& op : snap_change->operations) {
                findings.add({"snapshot", sum_name,
                              "the snapshot in " + sum_name +
                                  " differs from the migrations: " + diff::describe(op) + tag +
                                  " (once the models match the migrations, re-take it with "
                                  "'autogen hash')"});
            }
        }
        return true;
    }

    /// Pending and edited revisions, and the live schema vs the chain at its revision.
    bool check_database(Session& session, const support::Config& config,
                        const migrate::RevisionGraph& graph, const std::vector<std::string>& heads,
                        ChainSchemas& replays, FindingList& findings) {
        if (!live_) return true;
        auto* live = &*live_;
        migrate::VersionTable table(config.migrations.version_table);
        auto current =
            migrate::current(*live->conn, config.migrations.version_table, session.diags);
        if (!current) return false;
        for (const auto& id : *current) {
            if (!graph.find(id)) {
                findings.add({"unknown-revision", "database",
                              migrate::unknown_revision_message(id, config.migrations.dir) +
                                  " (another project's database, or a branch not checked out?)"});
                return true;  // nothing else can be compared
            }
        }
        if (heads.size() == 1) {
            auto path = graph.upgrade_path(*current, heads);
            if (path) {
                pending_read_ = true;
                for (const auto* rev : path.value) {
                    pending_.insert(rev->id);
                    findings.add({"pending", file_of(config, *rev),
                                  "revision " + rev->id + " (" +
                                      support::one_line_text(rev->message + ", " +
                                                             rev->path.filename().string()) +
                                      ") is not applied to the database"});
                }
            }
        }
        auto has_table = table.exists(*live->conn, session.diags);
        if (!has_table) return false;
        if (*has_table) {
            auto sums = table.checksums(*live->conn, session.diags);
            if (!sums) return false;
            for (const auto& [id, sum] : *sums) {
                const auto* rev = graph.find(id);
                if (rev && !sum.empty() && sum != rev->checksum) {
                    findings.add({"edited", file_of(config, *rev),
                                  "revision " + id + " (" + rev->path.filename().string() +
                                      ") was edited after it was applied"});
                }
            }
        }
        // Read-only (SPEC §3): no scratch database on the live server; without dev_url the
        // chain comes from the cache, or the live schema is not compared, and check says so.
        std::shared_ptr<const schema::Schema> cached_chain;
        if (std::string why; !scratch_available(*live->dialect, config, why)) {
            cached_chain = replays.get(*live->dialect, graph, *current, config, session.diags,
                                       /*cache_only=*/true);
            if (!cached_chain) {
                schema_unchecked_ = true;
                session.diags.warning(
                    Category::Config,
                    "the database's schema was not compared with the migrations: no scratch " +
                        live->dialect->name + " database to replay them on (" + why + ")",
                    {}, "set [database] dev_url or pass --dev-url");
                return true;
            }
            session.info(
                "no scratch " + live->dialect->name + " database (" + why +
                "): the migration chain the database is compared with comes from autogen's cache");
        }
        std::shared_ptr<const schema::Schema> chain =
            cached_chain ? cached_chain
                         : replays.get(*live->dialect, graph, *current, config, session.diags,
                                       false, session.progress());
        if (!chain) return false;
        auto change = plan_change(*live->dialect, chain, live_schema_, session.diags);
        if (!change) return false;
        std::string at = current->empty() ? "base" : support::join_with(*current);
        for (const auto& op : change->operations) {
            findings.add({"database", "database",
                          "the database differs from the migrations at " + at + ": " +
                              diff::describe(op, diff::Perspective::Database),
                          false, operation_json(op, false)});
        }
        return true;
    }

    static std::string file_of(const support::Config& config, const migrate::Revision& rev) {
        return (std::filesystem::path(config.migrations.dir) / rev.path.filename()).string();
    }

    void print(Session& session, const support::Config& config,
               const std::vector<Finding>& findings, bool used_scratch) const {
        const bool database = !offline_ && !no_database_ && !session.database_url().empty();
        if (session.options.json) {
            session.result = Json{{"clean", findings.empty()},
                                  {"database", database},
                                  {"scratch", used_scratch},
                                  {"findings", Json::array()}};
            for (const auto& f : findings) {
                session.result["findings"].push_back({{"kind", f.kind},
                                                      {"where", f.where},
                                                      {"message", f.message},
                                                      {"destructive", f.destructive},
                                                      {"operation", f.operation}});
            }
            session.result["hints"] = hints_;
            return;
        }
        for (const auto& f : findings) session.print(f.message);
        if (findings.empty()) {
            std::string against =
                used_scratch ? "the migration chain" : "the snapshot in " + sum_display(config);
            session.print(
                database && !schema_unchecked_
                    ? "no drift: the models, the migration chain and the database agree"
                    : "no drift: the models match " + against +
                          (database
                               ? "; the database has every revision (its schema was not compared)"
                               : ""));
        } else {
            session.info(std::to_string(findings.size()) +
                         " finding(s); each line says what to do (see also "
                         "'autogen revision -m MSG' and 'autogen upgrade head')");
        }
    }

    bool no_database_ = false;
    bool no_lint_ = false;
    bool replay_ = false;
    bool pending_read_ = false;         ///< the live database said which revisions it lacks
    std::set<std::string> pending_;     ///< those revisions (linted as the new ones)
    std::optional<LiveDatabase> live_;  ///< opened once, when the database is checked
    std::shared_ptr<const schema::Schema> live_schema_;  ///< its schema, read once
    std::vector<std::string> hints_;  ///< possible undeclared renames, for --json
    bool schema_unchecked_ = false;   ///< the live schema was not compared (no scratch database)
    bool offline_ = false;
    std::string dev_url_;
};

}  // namespace

std::unique_ptr<Command> make_check_command() { return std::make_unique<CheckCommand>(); }

}  // namespace autogen::cli
