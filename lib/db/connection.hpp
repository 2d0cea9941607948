// A connection to a live database: the one interface the inspectors, the runner and
// the scratch-database replay talk to. Each dialect implements it in
// <dialect>_connection.cpp; errors go to the Diagnostics sink (Category::Database)
// with the statement that failed, never as exceptions.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "support/diagnostics.hpp"

namespace autogen::db {

using support::Diagnostics;

/// How a command may use the database it opens. Read-only commands (`current`,
/// `check`, `diff`, `inspect`: SPEC §3) open it ReadOnly: a missing SQLite file is an
/// error naming the path instead of a new empty database, and a PostgreSQL session is
/// switched to read-only transactions, so nothing they run can write.
enum class Access { ReadWrite, ReadOnly };

/// One result row; a NULL is nullopt.
using Row = std::vector<std::optional<std::string>>;

struct QueryResult {
    std::vector<std::string> columns;
    std::vector<Row> rows;
};

/// One row handed to Connection::for_each_row: its cells as text (nullopt = NULL),
/// valid only during that call.
using RowView = std::span<const std::optional<std::string_view>>;

/// How Connection::lock_migrations waits when another session holds the lock.
struct LockWait {
    double timeout_seconds = 60;  ///< then give up: a Database error naming the holder
    double quiet_seconds = 1;     ///< waited silently before `on_wait` is told who holds it
    /// Told once, after quiet_seconds, what holds the lock (printed at once by the CLI:
    /// diagnostics only appear when the command ends).
    std::function<void(const std::string&)> on_wait;
};

/// What an interrupted statement left behind (Connection::leftover_of).
struct Leftover {
    enum class State {
        Unknown,  ///< nothing to say: the statement runs again
        Done,     ///< its whole effect is there: the statement is skipped
        Broken,   ///< half of it is there: `cleanup` runs, then the statement again
    };
    State state = State::Unknown;
    std::string what;     ///< for messages: `index "ix_t_a" exists and is valid`
    std::string cleanup;  ///< Broken: the statement that removes the broken half
};

class Connection {
  public:
    virtual ~Connection() = default;

    /// The dialect's registry name ("sqlite", "postgresql").
    virtual std::string dialect() const = 0;

    /// Runs one or more statements separated by ';' (no results). False on error,
    /// with a Database diagnostic naming the failing statement. The message is the
    /// database's complaint, then "\n  statement: " and the SQL (the runner cuts
    /// there and names the statement itself); where the database says where in the
    /// SQL it failed, location.line/column hold that position, 1-based, counted
    /// within `sql` (location.file stays empty: the caller knows which file).
    virtual bool execute(std::string_view sql, Diagnostics& diags) = 0;

    /// Runs one statement with positional parameters ($1.. on PostgreSQL, ?1.. on
    /// SQLite; text values, nullopt = NULL) and returns all rows as text.
    virtual std::optional<QueryResult> query(std::string_view sql,
                                             const std::vector<std::optional<std::string>>& params,
                                             Diagnostics& diags) = 0;

    /// Runs one statement like query() but hands each row to `on_row` as it is read
    /// instead of collecting them all (the inspectors on large catalogs: no copy of every
    /// cell). False on error, with the same diagnostic as query(). The default runs
    /// query(); a dialect may stream.
    virtual bool for_each_row(std::string_view sql,
                              const std::vector<std::optional<std::string>>& params,
                              const std::function<void(RowView)>& on_row, Diagnostics& diags);

    /// Whether a table named `name` exists where an unqualified `name` would find it
    /// (SQLite: the main schema; PostgreSQL: the search path), asked of the catalog so
    /// that "no such table" and "cannot read" are told apart: nullopt, with a Database
    /// diagnostic, when the catalog cannot be read (not a database, locked, no access).
    virtual std::optional<bool> has_table(std::string_view name, Diagnostics& diags) = 0;

    /// Transactions. `begin` takes the write lock at once where the database has one
    /// (SQLite: BEGIN IMMEDIATE), so two migrators queue instead of deadlocking.
    /// Foreign keys are checked when the transaction commits, not per statement: on
    /// SQLite, enforcement is switched off before BEGIN (it cannot be switched inside
    /// a transaction, and a table rebuild's DROP TABLE would otherwise run ON DELETE
    /// CASCADE actions) and `commit` runs PRAGMA foreign_key_check first, rolling back
    /// with an error naming the table and row if any reference is broken.
    virtual bool begin(Diagnostics& diags) = 0;
    virtual bool commit(Diagnostics& diags) = 0;
    virtual bool rollback(Diagnostics& diags) = 0;

    /// Serialises migrators on one database for a whole run (session level, held across
    /// transactions and outside them, so it also covers creating the version table and
    /// `-- autogen: no-transaction` sections). Waits while another session holds it:
    /// after wait.quiet_seconds tells wait.on_wait who holds it, after
    /// wait.timeout_seconds gives up (false, a Database error saying who holds it).
    /// `key` names what is locked (the runner passes the version table's name, so two
    /// projects with different version tables in one database do not wait for each
    /// other). PostgreSQL: pg_try_advisory_lock, polled, on a 64-bit key derived from
    /// `key`, the holder read from pg_locks and pg_stat_activity; SQLite: takes no lock
    /// of its own (BEGIN IMMEDIATE queues writers) but makes every later wait for the
    /// file's lock follow `wait`, until unlock_migrations.
    virtual bool lock_migrations(std::string_view key, const LockWait& wait,
                                 Diagnostics& diags) = 0;
    /// Releases what lock_migrations(key) took; reports (does not throw) on failure.
    virtual void unlock_migrations(std::string_view key, Diagnostics& diags) = 0;

    /// What `statement`, of a `-- autogen: no-transaction` section whose earlier run
    /// stopped before recording it as done, left in the database: nothing known (run it
    /// again), its whole effect (skip it), or a broken half (clean up, then run it). The
    /// runner asks only for the statement an interrupted run stopped in. PostgreSQL:
    /// CREATE INDEX CONCURRENTLY whose index exists and is valid (done) or INVALID (a
    /// failed or killed build: dropped, then built again), DROP INDEX CONCURRENTLY whose
    /// index is gone (done). Default: nothing known. nullopt after a Database error.
    virtual std::optional<Leftover> leftover_of(std::string_view statement, Diagnostics& diags);

    /// Whether the last statement that failed was cancelled by the session's
    /// lock_timeout (PostgreSQL: SQLSTATE 55P03) rather than refused: the same statement
    /// may succeed once the lock is free, so the runner retries it. Default: false.
    virtual bool last_failure_was_lock_timeout() const { return false; }

    /// The other sessions holding locks on tables of this database, oldest transaction
    /// first, one line each ("pid 4242, idle in transaction for 38 s, locks orders:
    /// UPDATE orders SET ..."): whom a statement cancelled by lock_timeout waited
    /// behind. Default: none known.
    virtual std::vector<std::string> lock_holders(Diagnostics& diags);

    /// True once the connection to the server is gone (the session was terminated, the
    /// server restarted): nothing more can run on it, not even a ROLLBACK. The server
    /// rolled back whatever transaction was open. Never true for SQLite.
    virtual bool lost() const = 0;
};

}  // namespace autogen::db
