// Default privileges as SqlObjects (default_privileges.hpp).
#include "schema/default_privileges.hpp"

#include <algorithm>

namespace autogen::schema {

namespace {
constexpr const char* kOption = " WITH GRANT OPTION";
constexpr const char* kOptionFor = "GRANT OPTION FOR ";

std::string quoted(const std::string& name) {
    std::string out = "\"";
    for (char c : name) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

bool starts_with(const std::string& s, const std::string& prefix) {
    return s.rfind(prefix, 0) == 0;
}

/// The object kind a default privilege of `target_kind` (a grant's) would be on.
std::string defaults_kind_of(const std::string& target_kind) {
    if (target_kind == "TABLE") return "TABLES";
    if (target_kind == "SEQUENCE") return "SEQUENCES";
    if (target_kind == "FUNCTION" || target_kind == "PROCEDURE") return "FUNCTIONS";
    if (target_kind == "SCHEMA") return "SCHEMAS";
    return "";
}
}  // namespace

std::string default_privilege_item_text(const DefaultPrivilegeItem& item) {
    if (item.grant)
        return "GRANT " + item.privilege + (item.grant_option ? kOption : "") + " TO " +
               item.grantee;
    return "REVOKE " + std::string(item.grant_option ? kOptionFor : "") + item.privilege +
           " FROM " + item.grantee;
}

std::optional<DefaultPrivilegeItem> parse_default_privilege_item(const std::string& text) {
    DefaultPrivilegeItem item;
    std::string rest;
    std::string::size_type at = std::string::npos;
    if (starts_with(text, "GRANT ")) {
        rest = text.substr(6);
        at = rest.find(" TO ");
    } else if (starts_with(text, "REVOKE ")) {
        item.grant = false;
        rest = text.substr(7);
        at = rest.find(" FROM ");
    }
    if (at == std::string::npos) return std::nullopt;
    item.grantee = rest.substr(at + (item.grant ? 4 : 6));
    item.privilege = rest.substr(0, at);
    const std::string option = kOption;
    if (item.grant && item.privilege.size() > option.size() &&
        item.privilege.compare(item.privilege.size() - option.size(), option.size(), option) == 0) {
        item.grant_option = true;
        item.privilege.resize(item.privilege.size() - option.size());
    }
    if (!item.grant && starts_with(item.privilege, kOptionFor)) {
        item.grant_option = true;
        item.privilege = item.privilege.substr(std::string(kOptionFor).size());
    }
    if (item.privilege.empty() || item.grantee.empty()) return std::nullopt;
    return item;
}

DefaultPrivilegeItem reversed(const DefaultPrivilegeItem& item) {
    DefaultPrivilegeItem out = item;
    out.grant = !item.grant;
    // A privilege granted with its grant option goes back whole; the grant option taken
    // back is granted again with the privilege.
    out.grant_option = !item.grant && item.grant_option;
    return out;
}

DefaultPrivilegeItem reversed_in(const SqlObject& entry, const DefaultPrivilegeItem& item) {
    DefaultPrivilegeItem out = reversed(item);
    if (item.grant && item.grant_option && entry.version.empty() && !entry.table.empty() &&
        item.grantee == entry.table)
        out.grant_option = true;  // REVOKE GRANT OPTION FOR p FROM r
    return out;
}

SqlObject make_default_privilege(const std::string& role, const std::string& in_schema,
                                 const std::string& object_kind, std::vector<std::string> items) {
    SqlObject o{.kind = ObjectKind::DefaultPrivilege, .name = object_kind};
    o.table = role;
    o.version = in_schema;
    for (const auto& item : items) o.definition += (o.definition.empty() ? "" : ", ") + item;
    o.columns = std::move(items);
    return o;
}

std::string default_privilege_identity(const SqlObject& o) {
    return "ON " + o.name + (o.version.empty() ? "" : " IN SCHEMA " + quoted(o.version)) +
           " FOR ROLE " + (o.table.empty() ? std::string("CURRENT_USER") : quoted(o.table));
}

std::vector<std::string> items_only_in(const SqlObject& a, const SqlObject& b) {
    std::vector<std::string> out;
    for (const auto& item : a.columns)
        if (std::find(b.columns.begin(), b.columns.end(), item) == b.columns.end())
            out.push_back(item);
    return out;
}

bool applies_to_runners_objects(const SqlObject& entry) {
    return entry.table.empty() || entry.arguments.empty() || entry.table == entry.arguments;
}

std::vector<std::pair<std::string, std::string>> default_privileges_given(
    const std::vector<SqlObject>& defaults, const std::string& target_kind,
    const std::string& in_schema) {
    const std::string kind = defaults_kind_of(target_kind);
    const std::string schema = in_schema.empty() ? "public" : in_schema;
    std::vector<std::pair<std::string, std::string>> out;
    for (const SqlObject& d : defaults) {
        if (d.kind != ObjectKind::DefaultPrivilege || d.name != kind) continue;
        if (!d.version.empty() && d.version != schema) continue;
        if (!applies_to_runners_objects(d)) continue;
        for (const auto& text : d.columns) {
            const auto item = parse_default_privilege_item(text);
            if (!item || !item->grant) continue;
            out.emplace_back(item->grantee, item->privilege + (item->grant_option ? kOption : ""));
        }
    }
    return out;
}

bool default_privileges_give(const std::vector<SqlObject>& defaults, const std::string& target_kind,
                             const std::string& in_schema, const std::string& grantee,
                             const std::string& privilege) {
    const std::string option = kOption;
    const bool wants_option =
        privilege.size() > option.size() &&
        privilege.compare(privilege.size() - option.size(), option.size(), option) == 0;
    const std::string base =
        wants_option ? privilege.substr(0, privilege.size() - option.size()) : privilege;
    for (const auto& [to, given] : default_privileges_given(defaults, target_kind, in_schema))
        if (to == grantee && (given == base + option || (!wants_option && given == base)))
            return true;
    return false;
}

}  // namespace autogen::schema
