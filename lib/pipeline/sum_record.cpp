// Writing autogen.sum (sum_record.hpp).
#include "sum_record.hpp"

#include "migrate/atomic_file.hpp"
#include "migrate/schema_snapshot.hpp"
#include "migrate/sum_file.hpp"
#include "normalized_digests.hpp"
#include "project_graph.hpp"
#include "sum_checks.hpp"
#include "sum_location.hpp"

namespace autogen::pipeline {

namespace fs = std::filesystem;
using migrate::SumRead;

bool record_sum(const Context& ctx, const support::Config& config, const schema::Schema& snapshot,
                SumUpdate update, const fs::path& added) {
    if (int removed = migrate::remove_stale_temporaries(config.migrations_dir())) {
        ctx.say_detail("removed " + std::to_string(removed) +
                       " temporary file(s) an interrupted run left in " + config.migrations.dir);
    }
    // Loaded again from disk: the heads and checksums are those of the files as they
    // are now, including the one just written (which this also proves parses).
    auto graph = load_graph(config, ctx.diags);
    if (!graph) return false;
    migrate::SumFile sum;
    sum.heads = graph->heads();
    auto on_disk = graph_checksums(*graph);  // the files as loaded just now
    SumRead before = update == SumUpdate::Rehash ? SumRead{} : migrate::read_sum(sum_path(config));
    if (before.state == SumRead::State::Ok) {
        sum.files = std::move(before.sum.files);
        const std::string name = added.filename().string();
        sum.files[name] = on_disk[name];
        if (update == SumUpdate::AddUnlisted)
            sum.files.insert(on_disk.begin(), on_disk.end());  // keeps listed ones
    } else {
        if (before.state == SumRead::State::Invalid) {
            ctx.diags.warning(
                support::Category::MigrationFile,
                sum_display(config) + " could not be read (" + before.problem +
                    "): every revision file's checksum was re-taken as the file is now",
                {sum_display(config)},
                "review the revision files for hand edits (e.g. git diff " + config.migrations.dir +
                    ") before applying them");
        }
        sum.files = std::move(on_disk);  // hash, or the first sum of an older project
    }
    sum.snapshot = migrate::snapshot_text(snapshot);
    // How each dialect's server reads the snapshot back, when this machine knows it
    // (the per-table memo: `revision` has just read the models back).
    for (const auto& name : config.database.dialects) {
        const dialect::Dialect* dialect = ctx.dialects.find(name);
        if (!dialect) continue;
        if (auto digests = remembered_digests(*dialect, snapshot, config))
            sum.normalized[name] = std::move(*digests);
    }
    if (!migrate::write_sum(sum_path(config), sum, ctx.diags)) return false;
    ctx.say_detail("wrote " + sum_display(config));
    return true;
}

bool sum_ready_for_new_revision(const Context& ctx, const support::Config& config) {
    SumRead read = migrate::read_sum(sum_path(config));
    if (read.state != SumRead::State::Invalid) return true;
    ctx.diags.error(
        support::Category::MigrationFile,
        sum_display(config) + " cannot be read: " + read.problem + "; nothing was written",
        {sum_display(config), read.line, 0},
        "review the revision files, rewrite it with 'autogen hash' (or 'autogen merge -m MSG "
        "heads' "
        "after merging two branches), then run the command again");
    return false;
}

bool record_new_revision(const Context& ctx, const support::Config& config, const fs::path& file,
                         const schema::Schema& snapshot, SumUpdate update) {
    if (record_sum(ctx, config, snapshot, update, file)) return true;
    std::error_code ec;
    fs::remove(file, ec);
    ctx.diags.error(support::Category::Io,
                    "the revision file was removed again, since " + sum_display(config) +
                        " could not record it: nothing was written",
                    {file.string()}, "fix the problem above and run the command again");
    return false;
}

}  // namespace autogen::pipeline
