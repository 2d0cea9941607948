// The PostgreSQL dialect, assembled: its URL parser, connection, scratch database on a
// server, inspector, diff rules, planner and impact counter (postgres_dialect.cpp).
#pragma once

#include "dialect/dialect.hpp"

namespace autogen::dialect {

/// PostgreSQL, as the registry lists it (name "postgresql", URLs postgresql:// and postgres://).
Dialect make_postgres_dialect();

}  // namespace autogen::dialect
