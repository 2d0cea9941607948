// The SQLite inspector: a live SQLite database -> Schema, with a fixed set of named,
// batched catalog queries (one per object kind for all tables at once).
#pragma once

#include <memory>

#include "introspect/inspector.hpp"

namespace autogen::introspect {

/// The SQLite dialect's Inspector. Skips sqlite_* tables, autogen's scratch tables
/// (_autogen_*), the version table and InspectOptions::exclude_tables.
std::unique_ptr<Inspector> make_sqlite_inspector();

}  // namespace autogen::introspect
