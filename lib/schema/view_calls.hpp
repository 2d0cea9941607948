// The overloads a view or a policy calls: one bound to `f(integer)` is dropped and
// created again around a change of that function only, not of `f(text)` beside it
// (docs/objects.md "Overloads"). A database that records which function a call resolved
// to (PostgreSQL's pg_depend) reads them back into the object; elsewhere (a snapshot,
// SQLite) they are unknown, and every routine of a name it mentions counts as called.
//
// They ride in the object's `arguments`, which a view or policy has no other use for (its
// identity is its name, and a policy's table), so the scan caches carry them without a
// field of their own: "\x1e" then each routine's identity, "\x1e" after each.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "schema/schema.hpp"

namespace autogen::schema {

/// Can objects of `kind` record the routines they call: a view, a materialized view, a
/// policy (their expressions are bound to the functions they call)?
bool binds_routines(ObjectKind kind);

/// Records on view, materialized view or policy `view` the routines it calls, each by its
/// identity (routine_identity: `"schema"."f"(integer)`); none is "known to call none".
void set_routines_called(SqlObject& view, const std::vector<std::string>& identities);

/// The identities set_routines_called recorded, or nullopt when nothing read them.
std::optional<std::vector<std::string>> routines_called(const SqlObject& view);

/// Does `reader`, a view, materialized view or policy, call routine `routine` as far as is
/// known: the exact overload when its calls were read back, else any routine of that name
/// its statement names?
bool calls_routine(const SqlObject& reader, const SqlObject& routine);

}  // namespace autogen::schema
