// The findings `check` draws from autogen.sum, and the snapshot it records (sum_checks.hpp).
#include "sum_checks.hpp"

#include <algorithm>

#include "compared_tables.hpp"
#include "declared_objects.hpp"
#include "migrate/schema_snapshot.hpp"
#include "sum_location.hpp"

namespace autogen::pipeline {

namespace fs = std::filesystem;
using migrate::FileDrift;
using migrate::SumRead;

std::optional<migrate::SumFile> check_sum_file(const support::Config& config,
                                               const migrate::RevisionGraph& graph,
                                               std::vector<Finding>& findings) {
    const std::string sum_name = sum_display(config);
    const std::string fix_merge =
        graph.heads().size() > 1 ? "'autogen merge -m MSG heads'" : "'autogen hash'";
    SumRead read = migrate::read_sum(sum_path(config));
    if (read.state == SumRead::State::Missing) {
        // A project without revisions has nothing to record yet.
        if (!graph.empty()) {
            findings.push_back(
                {"sum-missing", sum_name,
                 sum_name + " is missing: nothing records the revision files' checksums or the "
                            "models' snapshot (write it with 'autogen hash' and commit it)"});
        }
        return std::nullopt;
    }
    if (read.state == SumRead::State::Invalid) {
        findings.push_back({"sum-invalid", sum_name,
                            sum_name +
                                (read.line ? ":" + std::to_string(read.line) : std::string()) +
                                ": " + read.problem + " (rewrite it with " + fix_merge + ")"});
        return std::nullopt;
    }
    const std::string dir = config.migrations.dir;
    for (const auto& drift : migrate::compare_files(read.sum.files, graph_checksums(graph))) {
        std::string file = (fs::path(dir) / drift.file).string();
        switch (drift.kind) {
            case FileDrift::Kind::Changed:
                findings.push_back(
                    {"sum-stale", file,
                     file + ": changed since " + sum_name +
                         " was written (a hand edit? review it, then run 'autogen hash')"});
                break;
            case FileDrift::Kind::Unlisted:
                findings.push_back({"sum-stale", file,
                                    file + ": not listed in " + sum_name +
                                        " (written by hand or merged from another branch? run " +
                                        fix_merge + ")"});
                break;
            case FileDrift::Kind::Missing:
                findings.push_back({"sum-stale", file,
                                    file + ": listed in " + sum_name +
                                        " but gone (restore it, or run 'autogen hash' if removing "
                                        "it was intended)"});
                break;
        }
    }
    return std::move(read.sum);
}

bool sum_stands_for_chain(const migrate::RevisionGraph& graph, const migrate::SumFile& sum) {
    auto heads = graph.heads();
    std::sort(heads.begin(), heads.end());
    auto recorded = sum.heads;
    std::sort(recorded.begin(), recorded.end());
    if (heads != recorded) return false;
    return migrate::compare_files(sum.files, graph_checksums(graph)).empty();
}

std::map<std::string, std::string> graph_checksums(const migrate::RevisionGraph& graph) {
    // The graph holds every revision file's checksum (taken when it loaded): no file is
    // read twice.
    std::map<std::string, std::string> on_disk;
    for (const auto* rev : graph.history()) on_disk[rev->path.filename().string()] = rev->checksum;
    return on_disk;
}

const std::map<std::string, std::string>* recorded_digests(
    const std::optional<migrate::SumFile>& sum, const std::string& dialect) {
    if (!sum) return nullptr;
    auto it = sum->normalized.find(dialect);
    return it == sum->normalized.end() ? nullptr : &it->second.digests;
}

std::optional<migrate::SumFile> readable_sum(const support::Config& config) {
    SumRead read = migrate::read_sum(sum_path(config));
    if (read.state != SumRead::State::Ok) return std::nullopt;
    return std::move(read.sum);
}

std::optional<schema::Schema> snapshot_before_empty_revision(const support::Config& config,
                                                             const migrate::RevisionGraph& graph,
                                                             support::Diagnostics& diags) {
    if (graph.empty()) return schema::Schema{};
    auto sum = readable_sum(config);
    if (!sum) return std::nullopt;
    auto snapshot =
        migrate::parse_snapshot(sum->snapshot, sum_display(config), sum->snapshot_line, diags);
    if (snapshot) redeclare_snapshot_objects(*snapshot);
    return snapshot;
}

std::optional<schema::Schema> recorded_snapshot(const support::Config& config,
                                                const std::optional<migrate::SumFile>& sum,
                                                const migrate::RevisionGraph& graph,
                                                support::Diagnostics& diags) {
    if (!sum) {
        if (graph.empty()) return schema::Schema{};
        return std::nullopt;
    }
    auto snapshot =
        migrate::parse_snapshot(sum->snapshot, sum_display(config), sum->snapshot_line, diags);
    // Tables never diffed (exclude_tables, and those kept for the blind-spot guard) are
    // out of the snapshot's side too, as the inspectors leave them out of a database's.
    if (snapshot) {
        redeclare_snapshot_objects(*snapshot);
        auto& tables = snapshot->tables;
        tables.erase(
            std::remove_if(tables.begin(), tables.end(),
                           [&](const schema::Table& t) { return excluded_table(config, t); }),
            tables.end());
    }
    return snapshot;
}

}  // namespace autogen::pipeline
