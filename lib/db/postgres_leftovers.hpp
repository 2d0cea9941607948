// What the runner asks a PostgreSQL database after a statement stopped: what a
// statement of an interrupted no-transaction section left (Connection::leftover_of:
// indexes built or dropped CONCURRENTLY), and whom a statement cancelled by
// lock_timeout waited behind (Connection::lock_holders). Kept apart from the connection,
// which speaks the wire: these read statements and catalogs.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "db/connection.hpp"

namespace autogen::db {

std::optional<Leftover> postgres_leftover_of(Connection& conn, std::string_view statement,
                                             support::Diagnostics& diags);

std::vector<std::string> postgres_lock_holders(Connection& conn, support::Diagnostics& diags);

}  // namespace autogen::db
