// compare_default_privileges() (compare_default_privileges.hpp).
#include "diff/compare_default_privileges.hpp"

#include <map>

#include "schema/default_privileges.hpp"

namespace autogen::diff {

using namespace schema;

namespace {

std::map<std::string, const SqlObject*> entries(const Schema& s) {
    std::map<std::string, const SqlObject*> out;
    for (const SqlObject& o : s.objects)
        if (o.kind == ObjectKind::DefaultPrivilege) out.emplace(o.identity(), &o);
    return out;
}

/// `o` holding only `items` (the statements and location stay).
SqlObject holding(const SqlObject& o, std::vector<std::string> items) {
    SqlObject out = make_default_privilege(o.table, o.version, o.name, std::move(items));
    out.sql = o.sql;
    out.location = o.location;
    return out;
}

}  // namespace

void compare_default_privileges(const Schema& from, const Schema& to, ObjectChanges& out) {
    const auto wanted = entries(to), had = entries(from);
    static const SqlObject none;
    // Taken back first: an item changing its grant option is revoked, then granted again.
    for (const auto& [key, old] : had) {
        auto now = wanted.find(key);
        auto lost = items_only_in(*old, now == wanted.end() ? none : *now->second);
        if (!lost.empty()) out.before_tables.push_back(DropObject{holding(*old, lost), ""});
    }
    for (const auto& [key, d] : wanted) {
        auto old = had.find(key);
        auto gained = items_only_in(*d, old == had.end() ? none : *old->second);
        if (!gained.empty()) out.before_tables.push_back(CreateObject{holding(*d, gained), ""});
    }
}

}  // namespace autogen::diff
