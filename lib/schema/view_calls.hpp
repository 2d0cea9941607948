// The overloads a view calls: a view bound to `f(integer)` is dropped and created again
// around a change of that function only, not of `f(text)` beside it (docs/objects.md
// "Overloads"). A database that records which function a call resolved to (PostgreSQL's
// pg_depend) reads them back into the view; elsewhere (a snapshot, SQLite) they are
// unknown, and every routine of a name the view mentions counts as called.
//
// They ride in the view's `arguments`, which a view has no other use for (its identity
// is its name), so the scan caches and the snapshot carry them without a field of their
// own: "\x1e" then each routine's identity, "\x1e" after each.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "schema/schema.hpp"

namespace autogen::schema {

/// Records on view or materialized view `view` the routines it calls, each by its
/// identity (routine_identity: `"schema"."f"(integer)`); none is "known to call none".
void set_routines_called(SqlObject& view, const std::vector<std::string>& identities);

/// The identities set_routines_called recorded, or nullopt when nothing read them.
std::optional<std::vector<std::string>> routines_called(const SqlObject& view);

/// Does `reader`, a view or materialized view, call routine `routine` as far as is known:
/// the exact overload when its calls were read back, else any routine of that name its
/// statement names?
bool calls_routine(const SqlObject& reader, const SqlObject& routine);

}  // namespace autogen::schema
