// The PostgreSQL planner: operations -> PostgreSQL statements (docs/dialects/postgresql.md
// "Generated SQL"). Every operation runs in place with ALTER / CREATE / DROP / COMMENT;
// the one strategy beyond that is the enum type rebuild (postgres_enums.hpp).
#pragma once

#include <memory>

#include "codegen/planner.hpp"

namespace autogen::codegen {

/// The PostgreSQL dialect's Planner ("postgresql").
std::unique_ptr<Planner> make_postgres_planner();

}  // namespace autogen::codegen
