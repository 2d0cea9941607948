// What a Connection does around the SQL it runs (the migration lock, BEGIN/COMMIT with
// SQLite's foreign-key switch and check), written as statements for a script that the
// database's own client runs: offline SQL (`upgrade --sql`) keeps the online rules.
// One function per dialect, beside that dialect's connection (same file names).
#pragma once

#include <functional>
#include <string>
#include <string_view>

namespace autogen::db {

/// Statements for a script, each ending in ";\n" (empty: nothing to do on this dialect).
/// The script is meant for a client that stops at the first error (`sqlite3 -bail`,
/// `psql -v ON_ERROR_STOP=1`); the checks also roll the open transaction back themselves,
/// so a client that goes on keeps nothing of the failed transaction either.
struct ScriptFrame {
    std::string lock;    ///< first: Connection::lock_migrations (PostgreSQL: pg_advisory_lock)
    std::string unlock;  ///< last: Connection::unlock_migrations
    std::string begin;   ///< Connection::begin (SQLite: foreign keys off, then BEGIN IMMEDIATE)
    /// Connection::commit (SQLite: the foreign-key check, COMMIT, foreign keys back on).
    std::string commit;
    /// A statement that fails, rolling back the open transaction, when the scalar query
    /// `count_sql` (SELECT of one number) is not 0; the error names `what`.
    std::function<std::string(const std::string& count_sql, const std::string& what)>
        fail_unless_zero;
    /// An SQL expression for the current UTC time as ISO 8601 text ("2026-11-21T15:30:00Z"),
    /// the format the runner stores in the version table, read from the database's clock.
    std::string now;
    /// How to run a script, for its first comment ("sqlite3 -bail DATABASE < FILE").
    std::string run_hint;
};

/// SQLite: foreign keys off around each transaction (PRAGMA foreign_keys is a no-op inside
/// one: a table rebuild's DROP TABLE would otherwise cascade), PRAGMA foreign_key_check
/// before COMMIT, no lock (BEGIN IMMEDIATE queues writers).
ScriptFrame sqlite_script_frame();

/// PostgreSQL: the advisory lock of Connection::lock_migrations(key) around the script.
ScriptFrame postgres_script_frame(std::string_view lock_key);

}  // namespace autogen::db
