// autogen.sum for the commands: writing it, and the findings `check` draws from it.
#include "sum_record.hpp"

#include <algorithm>

#include "diff/differ.hpp"
#include "migrate/atomic_file.hpp"
#include "migrate/schema_snapshot.hpp"
#include "pipeline.hpp"

namespace autogen::cli {

namespace fs = std::filesystem;
using migrate::FileDrift;
using migrate::SumRead;

fs::path sum_path(const support::Config& config) {
    return config.migrations_dir() / std::string(migrate::kSumFileName);
}

std::string sum_display(const support::Config& config) {
    return (fs::path(config.migrations.dir) / std::string(migrate::kSumFileName)).string();
}

bool record_sum(Session& session, const support::Config& config, const schema::Schema& snapshot,
                SumUpdate update, const fs::path& added) {
    if (int removed = migrate::remove_stale_temporaries(config.migrations_dir())) {
        session.detail("removed " + std::to_string(removed) + " temporary file(s) an interrupted run left in " +
                       config.migrations.dir);
    }
    // Loaded again from disk: the heads and checksums are those of the files as they
    // are now, including the one just written (which this also proves parses).
    auto graph = load_graph(session, config);
    if (!graph) return false;
    migrate::SumFile sum;
    sum.heads = graph->heads();
    auto on_disk = migrate::revision_file_checksums(config.migrations_dir());
    SumRead before = update == SumUpdate::Rehash ? SumRead{} : migrate::read_sum(sum_path(config));
    if (before.state == SumRead::State::Ok) {
        sum.files = std::move(before.sum.files);
        const std::string name = added.filename().string();
        sum.files[name] = on_disk[name];
        if (update == SumUpdate::AddUnlisted) sum.files.insert(on_disk.begin(), on_disk.end());  // keeps listed ones
    } else {
        if (before.state == SumRead::State::Invalid) {
            session.diags.warning(support::Category::MigrationFile,
                                  sum_display(config) + " could not be read (" + before.problem +
                                      "): every revision file's checksum was re-taken as the file is now",
                                  {sum_display(config)},
                                  "review the revision files for hand edits (e.g. git diff " + config.migrations.dir +
                                      ") before applying them");
        }
        sum.files = std::move(on_disk);  // hash, or the first sum of an older project
    }
    sum.snapshot = migrate::snapshot_text(snapshot);
    if (!migrate::write_sum(sum_path(config), sum, session.diags)) return false;
    session.detail("wrote " + sum_display(config));
    return true;
}

bool sum_ready_for_new_revision(Session& session, const support::Config& config) {
    SumRead read = migrate::read_sum(sum_path(config));
    if (read.state != SumRead::State::Invalid) return true;
    session.diags.error(support::Category::MigrationFile,
                        sum_display(config) + " cannot be read: " + read.problem + "; nothing was written",
                        {sum_display(config), read.line, 0},
                        "review the revision files, rewrite it with 'autogen hash' (or 'autogen merge -m MSG heads' "
                        "after merging two branches), then run the command again");
    return false;
}

bool record_new_revision(Session& session, const support::Config& config, const fs::path& file,
                         const schema::Schema& snapshot, SumUpdate update) {
    if (record_sum(session, config, snapshot, update, file)) return true;
    std::error_code ec;
    fs::remove(file, ec);
    session.diags.error(support::Category::Io,
                        "the revision file was removed again, since " + sum_display(config) +
                            " could not record it: nothing was written",
                        {file.string()}, "fix the problem above and run the command again");
    return false;
}

std::optional<migrate::SumFile> check_sum_file(const support::Config& config, const migrate::RevisionGraph& graph,
                                               std::vector<Finding>& findings) {
    const std::string sum_name = sum_display(config);
    const std::string fix_merge = graph.heads().size() > 1 ? "'autogen merge -m MSG heads'" : "'autogen hash'";
    SumRead read = migrate::read_sum(sum_path(config));
    if (read.state == SumRead::State::Missing) {
        // A project without revisions has nothing to record yet.
        if (!graph.empty()) {
            findings.push_back({"sum-missing", sum_name,
                                sum_name + " is missing: nothing records the revision files' checksums or the "
                                           "models' snapshot (write it with 'autogen hash' and commit it)"});
        }
        return std::nullopt;
    }
    if (read.state == SumRead::State::Invalid) {
        findings.push_back({"sum-invalid", sum_name,
                            sum_name + (read.line ? ":" + std::to_string(read.line) : std::string()) + ": " +
                                read.problem + " (rewrite it with " + fix_merge + ")"});
        return std::nullopt;
    }
    const std::string dir = config.migrations.dir;
    for (const auto& drift : migrate::compare_files(read.sum.files, migrate::revision_file_checksums(config.migrations_dir()))) {
        std::string file = (fs::path(dir) / drift.file).string();
        switch (drift.kind) {
            case FileDrift::Kind::Changed:
                findings.push_back({"sum-stale", file,
                                    file + ": changed since " + sum_name +
                                        " was written (a hand edit? review it, then run 'autogen hash')"});
                break;
            case FileDrift::Kind::Unlisted:
                findings.push_back({"sum-stale", file,
                                    file + ": not listed in " + sum_name +
                                        " (written by hand or merged from another branch? run " + fix_merge + ")"});
                break;
            case FileDrift::Kind::Missing:
                findings.push_back({"sum-stale", file,
                                    file + ": listed in " + sum_name +
                                        " but gone (restore it, or run 'autogen hash' if removing it was intended)"});
                break;
        }
    }
    return std::move(read.sum);
}

std::optional<schema::Schema> recorded_snapshot(const support::Config& config, const std::optional<migrate::SumFile>& sum,
                                                const migrate::RevisionGraph& graph, support::Diagnostics& diags) {
    if (!sum) {
        if (graph.empty()) return schema::Schema{};
        return std::nullopt;
    }
    auto snapshot = migrate::parse_snapshot(sum->snapshot, sum_display(config), sum->snapshot_line, diags);
    // Tables never diffed (exclude_tables, and those kept for the blind-spot guard) are
    // out of the snapshot's side too, as the inspectors leave them out of a database's.
    if (snapshot) {
        auto& tables = snapshot->tables;
        tables.erase(std::remove_if(tables.begin(), tables.end(),
                                    [&](const schema::Table& t) { return excluded_table(config, t); }),
                     tables.end());
    }
    return snapshot;
}

std::optional<std::vector<schema::Operation>> diff_models(const Dialect& dialect, const schema::Schema& from,
                                                          const schema::Schema& to, support::Diagnostics& diags) {
    schema::Schema lowered_from = dialect.planner->lower(from, diags);
    schema::Schema lowered_to = dialect.planner->lower(to, diags);
    if (diags.has_errors()) return std::nullopt;
    return diff::diff(lowered_from, lowered_to, *dialect.rules);
}

std::optional<std::pair<schema::Schema, schema::Schema>> snapshot_sides(const Dialect& dialect,
                                                                        const support::Config& config,
                                                                        const migrate::RevisionGraph& graph,
                                                                        const schema::Schema& models,
                                                                        support::Diagnostics& diags) {
    std::vector<Finding> problems;
    auto sum = check_sum_file(config, graph, problems);
    if (!problems.empty()) {
        diags.error(support::Category::MigrationFile,
                    "no scratch " + dialect.name + " database to replay the chain on, and " + sum_display(config) +
                        " cannot stand in for it: " + problems.front().message,
                    {}, "fix that first (see 'autogen check --offline'), or give a server with [database] dev_url");
        return std::nullopt;
    }
    auto recorded = recorded_snapshot(config, sum, graph, diags);
    if (!recorded) return std::nullopt;
    schema::Schema from = dialect.planner->lower(*recorded, diags);
    schema::Schema to = dialect.planner->lower(models, diags);
    if (diags.has_errors()) return std::nullopt;
    // The models' rename declarations survive lowering; the snapshot has none to lose.
    return std::make_pair(std::move(from), std::move(to));
}

bool scratch_available(const Dialect& dialect, const support::Config& config, std::string& why) {
    support::Diagnostics probe;
    if (dialect.scratch_ready(config, probe)) return true;
    why = probe.items().empty() ? "no scratch database" : probe.items().front().message;
    return false;
}

}  // namespace autogen::cli
