// ALTER DEFAULT PRIVILEGES statements for the default privileges declared in SQL
// (schema/default_privileges.hpp).
#pragma once

#include <string>
#include <vector>

#include "schema/schema.hpp"

namespace autogen::codegen::postgres {

/// The statements that give `o`'s items (`undo`: that take them back to the built-in
/// default), one per run of items with one grantee and one verb: `ALTER DEFAULT
/// PRIVILEGES FOR ROLE "r" IN SCHEMA "s" GRANT INSERT, SELECT ON TABLES TO "app"`. FOR
/// ROLE left out when `o` names no role (the role that runs them).
std::vector<std::string> default_privileges_sql(const schema::SqlObject& o, bool undo);
/// default_privileges_sql(o, false) joined by ";\n": its `sql` when read back.
std::string default_privileges_statement(const schema::SqlObject& o);

}  // namespace autogen::codegen::postgres
