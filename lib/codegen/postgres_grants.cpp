// grant_sql(), revoke_sql() (postgres_grants.hpp).
#include "codegen/postgres_grants.hpp"

#include "codegen/sql_builder.hpp"
#include "schema/grants.hpp"
#include "schema/routine_signature.hpp"

namespace autogen::codegen::postgres {

namespace {

constexpr std::string_view kOption = " WITH GRANT OPTION";

std::string role(const std::string& grantee) {
    return grantee == schema::kPublicGrantee ? grantee : quote_identifier(grantee);
}

/// `ON TABLE "s"."t"`, `ON FUNCTION "f"(integer)`, `ON SCHEMA "s"`.
std::string target(const schema::SqlObject& g) {
    const std::string kind = schema::grant_target_kind(g);
    if (kind == "SCHEMA") return " ON SCHEMA " + quote_identifier(g.name);
    std::string name = qualified_name(g.schema, g.name);
    // The argument list names the overload; "()" is one too (a bare name is refused as
    // not unique beside other overloads). Only a GRANT that wrote none keeps none.
    if ((kind == "FUNCTION" || kind == "PROCEDURE") && g.arguments != schema::kUnwrittenArguments)
        name += "(" + g.arguments + ")";
    return " ON " + kind + " " + name;
}

/// "SELECT, UPDATE" or, for a column grant, `SELECT ("c"), UPDATE ("c")`.
std::string privilege_list(const schema::SqlObject& g, const std::vector<std::string>& ps) {
    const std::string column = schema::grant_column(g);
    std::string out;
    for (const auto& p : ps)
        out += (out.empty() ? "" : ", ") + p +
               (column.empty() ? "" : " (" + quote_identifier(column) + ")");
    return out;
}

bool with_option(const std::string& p) {
    return p.size() > kOption.size() &&
           p.compare(p.size() - kOption.size(), kOption.size(), kOption) == 0;
}

std::string without_option(const std::string& p) {
    return with_option(p) ? p.substr(0, p.size() - kOption.size()) : p;
}

}  // namespace

std::vector<std::string> grant_sql(const schema::SqlObject& grant,
                                   const std::vector<std::string>& privileges) {
    std::vector<std::string> plain, optioned;
    for (const auto& p : privileges)
        (with_option(p) ? optioned : plain).push_back(without_option(p));
    std::vector<std::string> out;
    if (!plain.empty())
        out.push_back("GRANT " + privilege_list(grant, plain) + target(grant) + " TO " +
                      role(grant.table));
    if (!optioned.empty())
        out.push_back("GRANT " + privilege_list(grant, optioned) + target(grant) + " TO " +
                      role(grant.table) + std::string(kOption));
    return out;
}

std::vector<std::string> revoke_sql(const schema::SqlObject& grant,
                                    const std::vector<std::string>& privileges) {
    std::vector<std::string> names;
    for (const auto& p : privileges) names.push_back(without_option(p));
    if (names.empty()) return {};
    return {"REVOKE " + privilege_list(grant, names) + target(grant) + " FROM " +
            role(grant.table)};
}

std::string grant_statement(const schema::SqlObject& grant) {
    std::string out;
    for (const auto& s : grant_sql(grant, grant.columns)) out += (out.empty() ? "" : ";\n") + s;
    return out;
}

}  // namespace autogen::codegen::postgres
