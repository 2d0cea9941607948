// SQLite implementation of db::Connection (sqlite3 C API).
#pragma once

#include <memory>
#include <string>

#include "db/connection.hpp"

namespace autogen::db {

/// How long a connection waits for another one's lock before failing (SQLITE_BUSY).
constexpr int kSqliteBusyTimeoutMs = 30000;

struct SqliteOpenOptions {
    /// ReadWrite creates the file (and its parent folder) when missing; ReadOnly opens
    /// an existing file with SQLITE_OPEN_READONLY and creates nothing.
    Access access = Access::ReadWrite;
    /// How long a second migrator waits for the first one's write lock.
    int busy_timeout_ms = kSqliteBusyTimeoutMs;
};

/// Opens the SQLite database at `path` (":memory:" for an in-memory one), with foreign
/// keys enforced and a busy timeout so that concurrent migrators wait for each other,
/// and reads its catalog once, so a file that is not a database, or one locked longer
/// than the busy timeout, is a Database error naming the path and the cause here
/// rather than a wrong answer later. ReadOnly: a missing file is such an error too.
/// One thread at a time may use the connection (SQLite's multi-thread mode: no mutex
/// per call); threads that work in parallel open one each.
std::unique_ptr<Connection> open_sqlite(const std::string& path, Diagnostics& diags,
                                        const SqliteOpenOptions& options = {});

/// "SQLite <version>" of the library this build runs on (sqlite3_libversion): what
/// normalises a SQLite schema, for cache keys.
std::string sqlite_library_version();

}  // namespace autogen::db
