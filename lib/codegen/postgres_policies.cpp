// alter_policy_sql() (postgres_policies.hpp).
#include "codegen/postgres_policies.hpp"

#include "codegen/postgres_ddl.hpp"
#include "codegen/sql_builder.hpp"
#include "schema/policy.hpp"

namespace autogen::codegen::postgres {

std::vector<std::string> alter_policy_sql(const schema::SqlObject& from,
                                          const schema::SqlObject& to) {
    const auto a = schema::policy_facts(from), b = schema::policy_facts(to);
    if (!a || !b) return {};
    std::string clauses;
    if (a->roles != b->roles) clauses += " TO " + b->roles;
    if (a->using_expr != b->using_expr) clauses += " USING (" + b->using_expr + ")";
    if (a->check_expr != b->check_expr) clauses += " WITH CHECK (" + b->check_expr + ")";
    if (clauses.empty()) return {};
    return {"ALTER POLICY " + quote_identifier(to.name) + " ON " +
            qualified_name(to.schema, to.table) + clauses};
}

}  // namespace autogen::codegen::postgres
