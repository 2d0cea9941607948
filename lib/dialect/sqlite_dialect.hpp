// The SQLite dialect, assembled: its URL parser, connection, in-memory scratch
// database, inspector, diff rules, planner and impact counter (sqlite_dialect.cpp).
#pragma once

#include "dialect/dialect.hpp"

namespace autogen::dialect {

/// SQLite, as the registry lists it (name "sqlite", URLs sqlite://...).
Dialect make_sqlite_dialect();

}  // namespace autogen::dialect
