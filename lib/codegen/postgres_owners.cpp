// owner_sql() (postgres_owners.hpp).
#include "codegen/postgres_owners.hpp"

#include "codegen/sql_builder.hpp"
#include "schema/owners.hpp"
#include "schema/routine_signature.hpp"

namespace autogen::codegen::postgres {

std::string owner_sql(const schema::SqlObject& owner, const std::string& role) {
    const std::string& kind = schema::owned_kind(owner);
    std::string name =
        kind == "SCHEMA" ? quote_identifier(owner.name) : qualified_name(owner.schema, owner.name);
    // The input types alone name the overload (the catalog's reading has the names too).
    if (kind == "FUNCTION" || kind == "PROCEDURE")
        name += "(" + schema::identity_types(owner.arguments) + ")";
    return "ALTER " + kind + " " + name + " OWNER TO " +
           (role.empty() ? std::string("CURRENT_USER") : quote_identifier(role));
}

std::string owner_statement(const schema::SqlObject& owner) {
    return owner_sql(owner, owner.table);
}

std::string owner_undo_statement(const schema::SqlObject& owner) {
    return owner_sql(owner, schema::owner_runner(owner));
}

}  // namespace autogen::codegen::postgres
