// alter_type_sql() (postgres_types.hpp).
#include "codegen/postgres_types.hpp"

#include "codegen/postgres_ddl.hpp"

namespace autogen::codegen::postgres {

std::vector<std::string> alter_type_sql(const schema::SqlObject& type,
                                        const schema::AttributeChanges& changes) {
    std::string actions;
    for (const auto& name : changes.dropped)
        actions += (actions.empty() ? "" : ", ") + std::string("DROP ATTRIBUTE ") + name;
    for (const auto& attribute : changes.added)
        actions += (actions.empty() ? "" : ", ") + std::string("ADD ATTRIBUTE ") + attribute;
    if (actions.empty()) return {};
    return {"ALTER TYPE " + table_sql({type.schema, type.name}) + " " + actions};
}

}  // namespace autogen::codegen::postgres
