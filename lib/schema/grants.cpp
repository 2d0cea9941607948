// Grants as SqlObjects (grants.hpp).
#include "schema/grants.hpp"

#include <algorithm>
#include <set>

#include "schema/routine_signature.hpp"

namespace autogen::schema {

namespace {
constexpr const char* kColumnPrefix = "COLUMN ";

std::string quoted(const std::string& name) {
    if (name == kPublicGrantee) return name;
    std::string out = "\"";
    for (char c : name) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

std::string joined(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& p : items) out += (out.empty() ? "" : ", ") + p;
    return out;
}
}  // namespace

SqlObject make_grant(const std::string& target_kind, const std::string& schema,
                     const std::string& name, const std::string& column, const std::string& grantee,
                     std::vector<std::string> privileges) {
    SqlObject o{.kind = ObjectKind::Grant, .schema = schema, .name = name};
    o.version = column.empty() ? target_kind : kColumnPrefix + column;
    o.table = grantee;
    return with_privileges(std::move(o), std::move(privileges));
}

std::string grant_target_kind(const SqlObject& grant) {
    return grant.version.rfind(kColumnPrefix, 0) == 0 ? "TABLE" : grant.version;
}

std::string grant_column(const SqlObject& grant) {
    const std::string prefix = kColumnPrefix;
    return grant.version.rfind(prefix, 0) == 0 ? grant.version.substr(prefix.size()) : "";
}

std::string grant_target(const SqlObject& grant) {
    const std::string column = grant_column(grant);
    const std::string kind = grant_target_kind(grant);
    // A function's overloads are told apart by their input types (routine_signature.hpp).
    if (kind == "FUNCTION" || kind == "PROCEDURE")
        return kind + " " + routine_identity(grant.schema, grant.name, grant.arguments);
    return kind + " " + grant.qualified_name() +
           (column.empty() ? "" : " (" + quoted(column) + ")");
}

std::string grant_identity(const SqlObject& grant) {
    return grant_target(grant) + " to " + quoted(grant.table);
}

std::vector<std::string> privileges_only_in(const SqlObject& a, const SqlObject& b) {
    const std::set<std::string> held(b.columns.begin(), b.columns.end());
    std::vector<std::string> out;
    for (const auto& p : a.columns)
        if (!held.count(p)) out.push_back(p);
    return out;
}

SqlObject with_privileges(SqlObject grant, std::vector<std::string> privileges) {
    std::sort(privileges.begin(), privileges.end());
    privileges.erase(std::unique(privileges.begin(), privileges.end()), privileges.end());
    // A privilege granted with the grant option holds the plain one.
    std::erase_if(privileges, [&](const std::string& p) {
        return std::binary_search(privileges.begin(), privileges.end(), p + " WITH GRANT OPTION");
    });
    grant.columns = std::move(privileges);
    grant.definition = joined(grant.columns);
    return grant;
}

void merge_privileges(SqlObject& grant, const SqlObject& more) {
    std::vector<std::string> all = grant.columns;
    all.insert(all.end(), more.columns.begin(), more.columns.end());
    const std::string sql = grant.sql;
    grant = with_privileges(std::move(grant), std::move(all));
    grant.sql = sql;
}

bool grant_is_on(const SqlObject& grant, const SqlObject& o) {
    if (grant.kind != ObjectKind::Grant || o.kind == ObjectKind::Grant) return false;
    if (o.kind == ObjectKind::Schema) return grant.version == "SCHEMA" && grant.name == o.name;
    if (grant.version == "SCHEMA" || grant.name != o.name || grant.schema != o.schema) return false;
    return !is_routine(o) || identity_types(grant.arguments) == identity_types(o.arguments);
}

bool grant_is_on_table(const SqlObject& grant, const Table& t) {
    const std::string kind = grant_target_kind(grant);
    return grant.kind == ObjectKind::Grant && (kind == "TABLE" || kind == "SEQUENCE") &&
           grant.name == t.name && grant.schema == t.schema;
}

}  // namespace autogen::schema
