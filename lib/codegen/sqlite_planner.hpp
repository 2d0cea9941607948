// The SQLite planner: operations -> SQLite statements, with the table-rebuild strategy
// for what ALTER TABLE cannot do (docs/dialects/sqlite.md).
#pragma once

#include <memory>

#include "codegen/planner.hpp"

namespace autogen::codegen {

/// The SQLite dialect's Planner ("sqlite").
std::unique_ptr<Planner> make_sqlite_planner();

}  // namespace autogen::codegen
