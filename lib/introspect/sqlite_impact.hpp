// SQLite's side of impact.hpp: which type changes alter stored values (a change of
// type affinity; SQLite enforces no length) and the counting queries, run exactly
// (SQLite keeps no row estimates worth the name).
#pragma once

#include <memory>

#include "introspect/impact.hpp"

namespace autogen::introspect {

/// The SQLite dialect's ImpactCounter.
std::unique_ptr<ImpactCounter> make_sqlite_impact_counter();

}  // namespace autogen::introspect
