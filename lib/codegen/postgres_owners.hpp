// ALTER ... OWNER TO statements for the owners declared in SQL (schema/owners.hpp).
#pragma once

#include <string>

#include "schema/schema.hpp"

namespace autogen::codegen::postgres {

/// `ALTER VIEW "s"."v" OWNER TO "role"` for the object `owner` is of ("" role: the
/// CURRENT_USER, when the role that runs the migrations is not known by its name).
std::string owner_sql(const schema::SqlObject& owner, const std::string& role);
/// OWNER TO the owner `owner` declares: its `sql` when read from a database.
std::string owner_statement(const schema::SqlObject& owner);
/// OWNER TO the role that runs the migrations, as `owner`'s side read it: what undoes
/// the owner (the object goes back to what a revision's CREATE would give it).
std::string owner_undo_statement(const schema::SqlObject& owner);

}  // namespace autogen::codegen::postgres
