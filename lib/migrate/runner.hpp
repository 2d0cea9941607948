// The runner: applies revisions to a live database. A run holds the connection's
// migration lock from start to end (Connection::lock_migrations, keyed by the version
// table's name; PostgreSQL: an advisory lock), so concurrent migrators queue. Each
// revision and its version change run in ONE transaction; the current version is
// re-read inside every transaction, so a second migrator that waited for the first
// one sees its work and skips it. A failing statement rolls its revision back and
// stops the run. A `-- autogen: no-transaction` section records each statement as it
// completes (step_log.hpp), so a run that fails or is killed in it resumes there.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "db/connection.hpp"
#include "migrate/integrity.hpp"
#include "migrate/revision_file.hpp"
#include "migrate/revision_graph.hpp"
#include "support/diagnostics.hpp"
#include "support/progress.hpp"

namespace autogen::migrate {

/// How to run.
struct RunOptions {
    std::string dialect;  ///< whose sections run (conn.dialect() if empty)
    std::string version_table = "autogen_version";
    std::string migrations_dir = "migrations";  ///< as configured, for messages
    /// `upgrade/downgrade --allow-edited`: run although an applied revision's file changed
    /// since it was applied (its checksum in the version table's log differs). Refused
    /// otherwise, also by an upgrade with nothing pending.
    bool allow_edited = false;
    /// autogen.sum, against which every revision about to be applied (upgrade) or
    /// recorded as applied (stamp) is checked first (integrity.hpp); nullopt: not checked.
    std::optional<RecordedSums> sums;
    /// How long to wait for another migrator's lock, and whom to tell who holds it.
    db::LockWait lock_wait;
    /// A statement cancelled by its lock_timeout (Connection::last_failure_was_lock_timeout)
    /// is tried again up to this many times, after `lock_retry_delay_seconds`, doubling
    /// each time (capped at 60 s): its whole revision when it runs in a transaction,
    /// the statement alone in a no-transaction section. Each retry is a note naming the
    /// sessions that held locks (Connection::lock_holders); the last failure an error.
    int lock_retries = 3;
    double lock_retry_delay_seconds = 1;
    /// Told of each revision as it starts ("applying"/"reverting" N/M id message) and of
    /// each SQLite table rebuild within it ("rebuilding" N/M table, found by the
    /// `-- rebuild table "NAME"` comment the planner writes above it); may be empty.
    support::ProgressCallback progress;
};

/// One revision the run applied (or undid).
struct AppliedRevision {
    std::string id;
    std::string message;
    std::filesystem::path path;
    Direction direction = Direction::Upgrade;
    bool no_transaction = false;  ///< its section ran outside a transaction
};

/// What a run did (also on failure: what was applied before it).
struct RunResult {
    bool ok = false;                        ///< false: an error was reported into the diagnostics
    std::vector<AppliedRevision> applied;   ///< in the order they ran
    std::vector<std::string> heads_before;  ///< version table before the run
    std::vector<std::string> heads_after;   ///< version table after the run
    std::vector<std::string> target;        ///< the resolved target (empty = base)
    /// Nothing to do: the database was already at the target ("already at head").
    bool already_there() const { return ok && applied.empty(); }
};

/// Applies the revisions from the database's current version up to `target`
/// (GraphError kinds -> Category::Usage errors; SQL failures -> Category::Database
/// naming the revision file, the statement and its line; a head edited since it was
/// applied -> Category::MigrationFile unless options.allow_edited) -> result.ok false;
/// the revisions applied before a failure stay applied and are listed in result.applied.
RunResult upgrade(db::Connection& conn, const RevisionGraph& graph, std::string_view target,
                  const RunOptions& options, support::Diagnostics& diags);

/// Undoes revisions from the current version down to `target` (-N, base, an id).
RunResult downgrade(db::Connection& conn, const RevisionGraph& graph, std::string_view target,
                    const RunOptions& options, support::Diagnostics& diags);

/// Sets the version table to `target` without running any revision SQL (`autogen
/// stamp`), in one transaction. result.applied stays empty; heads_before/heads_after
/// say what changed.
RunResult stamp(db::Connection& conn, const RevisionGraph& graph, std::string_view target,
                const RunOptions& options, support::Diagnostics& diags);

/// The revision ids in the database's version table (empty: none applied, or no table yet).
std::optional<std::vector<std::string>> current(db::Connection& conn,
                                                const std::string& version_table,
                                                support::Diagnostics& diags);

}  // namespace autogen::migrate
