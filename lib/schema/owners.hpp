// Owners (ALTER <kind> name OWNER TO role) as declared objects (ObjectKind::Owner,
// docs/objects.md "Owners"): one SqlObject per owned object whose owner is not the role
// that runs the migrations. The fields an owner uses, so that every codec of SqlObject
// carries it unchanged:
//   schema, name  the owned object (a schema's own name in `name`, `schema` empty)
//   version       the owned object's kind as ALTER spells it: TABLE, VIEW, MATERIALIZED
//                 VIEW, SEQUENCE, FUNCTION, PROCEDURE, SCHEMA, TYPE, DOMAIN
//   arguments     a function's or procedure's input types (its identity among overloads)
//   table         the owner: a role's name
//   columns       {the role that runs the migrations, as the side was read with}: what
//                 OWNER TO gives the object back to when the owner goes ("" unknown)
//   definition    the owner's name: what the differ compares
#pragma once

#include <optional>
#include <string>

#include "schema/schema.hpp"

namespace autogen::schema {

/// The owner `role` of the `owned_kind` (TABLE, VIEW ...) `schema`.`name` (`arguments`:
/// a routine's input types), `runner` the role that runs the migrations ("" unknown).
/// `sql` is left empty.
SqlObject make_owner(const std::string& owned_kind, const std::string& schema,
                     const std::string& name, const std::string& arguments, const std::string& role,
                     const std::string& runner);

/// TABLE, VIEW, MATERIALIZED VIEW, SEQUENCE, FUNCTION, PROCEDURE, SCHEMA, TYPE or DOMAIN.
const std::string& owned_kind(const SqlObject& owner);
/// The role that runs the migrations as `owner`'s side was read ("" unknown).
std::string owner_runner(const SqlObject& owner);
/// `VIEW "s"."v"`, `FUNCTION "s"."f"(integer)`, `SCHEMA "s"`: what an owner is of, which
/// names it among the owners.
std::string owner_identity(const SqlObject& owner);
/// The ObjectKind of a declared object `owner` is of (TABLE: none, a model table's).
std::optional<ObjectKind> owned_object_kind(const std::string& owned_kind);
/// Is `owner` of the declared object `o`?
bool owner_is_of(const SqlObject& owner, const SqlObject& o);

}  // namespace autogen::schema
