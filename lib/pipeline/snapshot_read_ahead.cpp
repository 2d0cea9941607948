// SnapshotReadAhead (snapshot_read_ahead.hpp).
#include "snapshot_read_ahead.hpp"

#include "materialize.hpp"
#include "sum_checks.hpp"

namespace autogen::pipeline {

SnapshotReadAhead::SnapshotReadAhead(const support::Config& config,
                                     const std::optional<migrate::SumFile>& sum,
                                     const migrate::RevisionGraph& graph,
                                     const LiveReadAhead& live) {
    reading_ = std::async(std::launch::async, [config, &sum, &graph, &live] {
        Read read;
        read.excluded = config.models.exclude_tables;
        read.snapshot = recorded_snapshot(config, sum, graph, read.parse_diags);
        if (!read.snapshot || read.parse_diags.has_errors()) return read;
        const auto found = live.peek();
        if (!found.dialect || !found.schema) return read;
        const MaterializeHints hints{found.schema.get(),
                                     recorded_digests(sum, found.dialect->name)};
        auto chain = materialize(*found.dialect, *read.snapshot, config, read.chain_diags,
                                 /*cache_only=*/true, {}, hints);
        if (chain && !read.chain_diags.has_errors()) {
            read.dialect = found.dialect;
            read.chain = std::make_shared<const schema::Schema>(std::move(*chain));
        }
        return read;
    });
}

SnapshotReadAhead::~SnapshotReadAhead() {
    if (!reading_.valid()) return;
    try {
        reading_.get();
    } catch (...) {  // nobody asked for it: nothing to report
    }
}

SnapshotReadAhead::Taken SnapshotReadAhead::take(const Context& ctx,
                                                 const support::Config& config) {
    Read read = reading_.get();
    ctx.diags.absorb(std::move(read.parse_diags));
    Taken taken{std::move(read.snapshot), nullptr, nullptr};
    // Read under other exclusions (the scan kept tables of unscanned files out since),
    // the read-back is of other tables: the caller reads it again.
    if (read.chain && read.excluded == config.models.exclude_tables) {
        ctx.diags.absorb(std::move(read.chain_diags));
        taken.dialect = read.dialect;
        taken.chain = std::move(read.chain);
    }
    return taken;
}

}  // namespace autogen::pipeline
