// SQLite implementation of db::Connection (sqlite3 C API).
#pragma once

#include <memory>
#include <string>

#include "db/connection.hpp"

namespace autogen::db {

/// Opens (creating if needed) the SQLite database at `path` (":memory:" for an
/// in-memory one), with foreign keys enforced and a busy timeout so that concurrent
/// migrators wait for each other. Creates the parent folder of a file path.
std::unique_ptr<Connection> open_sqlite(const std::string& path, Diagnostics& diags);

}  // namespace autogen::db
