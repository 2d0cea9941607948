// default_privileges_sql() (postgres_default_privileges.hpp).
#include "codegen/postgres_default_privileges.hpp"

#include "codegen/sql_builder.hpp"
#include "schema/default_privileges.hpp"
#include "schema/grants.hpp"

namespace autogen::codegen::postgres {

namespace {

std::string role(const std::string& grantee) {
    return grantee == schema::kPublicGrantee ? grantee : quote_identifier(grantee);
}

/// One statement for `items` (same verb, grant option and grantee; not empty).
std::string statement(const schema::SqlObject& o,
                      const std::vector<schema::DefaultPrivilegeItem>& items) {
    const auto& first = items.front();
    std::string privileges;
    for (const auto& item : items) privileges += (privileges.empty() ? "" : ", ") + item.privilege;
    std::string out = "ALTER DEFAULT PRIVILEGES";
    if (!o.table.empty()) out += " FOR ROLE " + quote_identifier(o.table);
    if (!o.version.empty()) out += " IN SCHEMA " + quote_identifier(o.version);
    if (first.grant)
        return out + " GRANT " + privileges + " ON " + o.name + " TO " + role(first.grantee) +
               (first.grant_option ? " WITH GRANT OPTION" : "");
    return out + " REVOKE " + (first.grant_option ? "GRANT OPTION FOR " : "") + privileges +
           " ON " + o.name + " FROM " + role(first.grantee);
}

}  // namespace

std::vector<std::string> default_privileges_sql(const schema::SqlObject& o, bool undo) {
    std::vector<std::string> out;
    std::vector<schema::DefaultPrivilegeItem> run;
    auto flush = [&] {
        if (!run.empty()) out.push_back(statement(o, run));
        run.clear();
    };
    for (const auto& text : o.columns) {
        auto item = schema::parse_default_privilege_item(text);
        if (!item) continue;
        if (undo) item = schema::reversed_in(o, *item);
        if (!run.empty() &&
            (run.back().grant != item->grant || run.back().grant_option != item->grant_option ||
             run.back().grantee != item->grantee))
            flush();
        run.push_back(*item);
    }
    flush();
    return out;
}

std::string default_privileges_statement(const schema::SqlObject& o) {
    std::string out;
    for (const auto& s : default_privileges_sql(o, false)) out += (out.empty() ? "" : ";\n") + s;
    return out;
}

}  // namespace autogen::codegen::postgres
