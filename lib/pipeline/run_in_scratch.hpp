// Runs groups of statements in a scratch database over several sessions at once: a
// scratch PostgreSQL database spends its time in server DDL (each table creates ~7
// relation files), which independent sessions do side by side. The caller decides what
// may run at the same time (groups); this file only runs them.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "codegen/planner.hpp"
#include "db/connection.hpp"
#include "dialect/dialect.hpp"
#include "support/diagnostics.hpp"
#include "support/progress.hpp"

namespace autogen::pipeline {

/// How run_statement_groups spreads the work.
struct GroupRun {
    /// groups[0] runs to its end, on `scratch`, before any other group starts: it creates
    /// what the other groups name (types, schemas). Without it every group may start at
    /// once. For a further phase (foreign keys after the tables they join), call
    /// run_statement_groups again.
    bool first_group_first = false;
    /// Sessions at most, `scratch` included; 0 = scratch_connections(). Foreign keys
    /// that reference a few tables gain nothing from more: they queue on those tables'
    /// locks (measured slower on 2 to 4 sessions than on 1).
    std::size_t connections = 0;
    /// Statements of a group per transaction, sent to the server in one call; 1 = each
    /// statement alone. Batches never span groups: to profit, put several tables in a
    /// group (~10 tables, 30 statements, a transaction each: a third less time than one
    /// statement per transaction on PostgreSQL, docs/performance.md; a transaction takes
    /// ~8 locks per table, within max_locks_per_transaction's default). A statement
    /// marked no_transaction always runs alone.
    std::size_t batch = 30;
};

/// The sessions run_statement_groups uses by default: AUTOGEN_SCRATCH_CONNECTIONS when it
/// holds a whole number from 1 to 64 (benchmarks), else the machine's hardware threads
/// clamped to [1, 4].
std::size_t scratch_connections();

/// Runs `groups` in the scratch database `scratch` (opened by dialect.scratch). The
/// statements of one group run in order, on one session; different groups may run at
/// the same time on up to GroupRun::connections sessions: `scratch` and peers from
/// dialect.scratch_peer, opened here and closed before returning. The caller guarantees
/// that no group needs what another group creates (except groups[0] under
/// first_group_first), so any interleaving gives the same database. With one session,
/// or a dialect without scratch_peer, everything runs on `scratch` in index order.
///
/// False at the first failing statement, with its error in `diags` as the connection
/// reports it (the database's complaint and the statement's text; in a batch, the
/// statement itself, found by running the rolled-back batch again one by one). A failure
/// stops handing out groups; groups already running finish. `diags` then holds what the
/// groups up to the failing one of the lowest index said, whatever ran first: the same
/// as one session running them in order would report.
///
/// Reports "<step> done/total" (statements) to `progress` from the calling thread only;
/// ending the step (support::report_finished) is the caller's.
bool run_statement_groups(const dialect::Dialect& dialect, db::Connection& scratch,
                          const std::vector<std::vector<codegen::Statement>>& groups,
                          support::Diagnostics& diags, const support::ProgressCallback& progress,
                          const std::string& step, const GroupRun& options = {});

}  // namespace autogen::pipeline
