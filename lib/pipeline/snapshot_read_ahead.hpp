// Reading autogen.sum's snapshot back while the caller scans the models. When the sum
// stands for the chain, `check` compares the models with the snapshot as the live
// database's server reads it back: parsing the snapshot and reading it back from the
// caches and from the live tables the sum's digests vouch for needs no model, so it
// runs on a thread of its own beside the scan (on 1,000 tables, a fresh clone's whole
// snapshot side, and a third of a warm check's own work besides the scan).
// It never creates a scratch database: what the caches and the live tables cannot
// answer is left to the caller, who creates it with progress shown.
#pragma once

#include <future>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "context.hpp"
#include "live_read_ahead.hpp"
#include "migrate/revision_graph.hpp"
#include "migrate/sum_file.hpp"
#include "support/config.hpp"

namespace autogen::pipeline {

class SnapshotReadAhead {
  public:
    /// Starts parsing `sum`'s snapshot and, once `live` has read the live schema,
    /// reading the snapshot back on the live database's dialect under `config` (caches
    /// and vouched live tables only). `sum`, `graph` and `live` must outlive this; the
    /// thread keeps its own copy of `config` and its own diagnostics.
    SnapshotReadAhead(const support::Config& config, const std::optional<migrate::SumFile>& sum,
                      const migrate::RevisionGraph& graph, const LiveReadAhead& live);
    /// Waits for the thread (what nobody took is dropped, unsaid).
    ~SnapshotReadAhead();
    SnapshotReadAhead(const SnapshotReadAhead&) = delete;
    SnapshotReadAhead& operator=(const SnapshotReadAhead&) = delete;

    struct Taken {
        std::optional<schema::Schema> snapshot;  ///< as recorded_snapshot() gives it
        /// The snapshot read back on `dialect` (the live database's), or null: not
        /// answerable without a scratch database, or read under other exclusions.
        const dialect::Dialect* dialect = nullptr;
        std::shared_ptr<const schema::Schema> chain;
    };
    /// What was read, its diagnostics said to ctx.diags. The read-back counts only when
    /// `config` (the one the comparison uses, after the scan) keeps the same tables out
    /// of it as the constructor's: else it is dropped, unsaid. Once only.
    Taken take(const Context& ctx, const support::Config& config);

  private:
    struct Read {
        std::optional<schema::Schema> snapshot;
        support::Diagnostics parse_diags;
        const dialect::Dialect* dialect = nullptr;
        std::shared_ptr<const schema::Schema> chain;
        support::Diagnostics chain_diags;
        std::vector<std::string> excluded;  ///< the exclusions it was read under
    };
    std::future<Read> reading_;
};

}  // namespace autogen::pipeline
