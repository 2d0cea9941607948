// grants_by_defaults() (grants_by_defaults.hpp).
#include "diff/grants_by_defaults.hpp"

#include <algorithm>
#include <functional>
#include <map>
#include <optional>

#include "schema/default_privileges.hpp"
#include "schema/grants.hpp"

namespace autogen::diff {

using namespace schema;

namespace {

std::string object_key(const SqlObject& o) {
    return std::string(to_string(o.kind)) + '\x1f' + o.identity();
}

/// The grants of `s`, by identity.
std::map<std::string, const SqlObject*> grants_of(const Schema& s) {
    std::map<std::string, const SqlObject*> out;
    for (const SqlObject& o : s.objects)
        if (o.kind == ObjectKind::Grant) out.emplace(o.identity(), &o);
    return out;
}

/// Does `g` hold `privilege` ("SELECT" is held by "SELECT WITH GRANT OPTION" too)?
bool holds(const SqlObject* g, const std::string& privilege) {
    if (!g) return false;
    const auto& ps = g->columns;
    return std::find(ps.begin(), ps.end(), privilege) != ps.end() ||
           std::find(ps.begin(), ps.end(), privilege + " WITH GRANT OPTION") != ps.end();
}

/// One target a grant may be on: its kind as GRANT spells it, schema, name and (a
/// routine's) identity arguments.
struct Target {
    std::string kind, schema, name, arguments;
};

/// The target `o` (a declared object of a side) is to a grant, if grants are read on it.
std::optional<Target> target_of(const SqlObject& o) {
    switch (o.kind) {
        case ObjectKind::View:
        case ObjectKind::MaterializedView:
            return Target{"TABLE", o.schema, o.name, ""};
        case ObjectKind::Sequence:
            return Target{"SEQUENCE", o.schema, o.name, ""};
        case ObjectKind::Schema:
            return Target{"SCHEMA", "", o.name, ""};
        case ObjectKind::Function:
            return Target{"FUNCTION", o.schema, o.name, o.arguments};
        case ObjectKind::Procedure:
            return Target{"PROCEDURE", o.schema, o.name, o.arguments};
        default:
            return std::nullopt;
    }
}

/// The grants the defaults of `defaults_side` give `t`, less what `has` says is held
/// already, one per grantee.
std::vector<SqlObject> missing_grants(
    const Schema& defaults_side, const Target& t,
    const std::function<bool(const SqlObject&, const std::string&)>& has) {
    std::map<std::string, std::vector<std::string>> by_grantee;
    for (const auto& [grantee, privilege] :
         default_privileges_given(defaults_side.objects, t.kind, t.schema)) {
        // PUBLIC's EXECUTE on a routine is built in, never read as a grant.
        if (grantee == kPublicGrantee && privilege.rfind("EXECUTE", 0) == 0) continue;
        SqlObject key = make_grant(t.kind, t.schema, t.name, "", grantee, {});
        key.arguments = t.arguments;
        if (has(key, privilege)) continue;
        auto& list = by_grantee[grantee];
        if (std::find(list.begin(), list.end(), privilege) == list.end()) list.push_back(privilege);
    }
    std::vector<SqlObject> out;
    for (auto& [grantee, privileges] : by_grantee) {
        std::sort(privileges.begin(), privileges.end());
        out.push_back(make_grant(t.kind, t.schema, t.name, "", grantee, std::move(privileges)));
        out.back().arguments = t.arguments;
    }
    return out;
}

}  // namespace

void grants_by_defaults(const Schema& from, const Schema& to,
                        const std::vector<Operation>& table_ops, const std::set<std::string>& gone,
                        const std::set<std::string>& again, ObjectChanges& out) {
    const auto had = grants_of(from), wanted = grants_of(to);
    auto found = [](const std::map<std::string, const SqlObject*>& m, const SqlObject& key) {
        auto it = m.find(key.identity());
        return it == m.end() ? nullptr : it->second;
    };
    std::set<std::string> changed_tables;  // created, dropped or renamed: not standing
    // What the downgrade creates again, each with the side whose defaults are in force
    // then: `to`'s for a table (created before the downgrade takes back the revision's
    // default privileges) and what precedes the tables (a sequence, a schema, a function
    // a table calls); `from`'s for what reads them (a view, another function), created
    // last, after them.
    std::vector<std::pair<Target, const Schema*>> dropped;
    for (const Operation& op : table_ops) {
        if (const auto* c = std::get_if<CreateTable>(&op))
            changed_tables.insert(c->table.schema + '\x1f' + c->table.name);
        if (const auto* r = std::get_if<RenameTable>(&op))
            changed_tables.insert(r->from.schema + '\x1f' + r->to);
        if (const auto* d = std::get_if<DropTable>(&op)) {
            changed_tables.insert(d->table.schema + '\x1f' + d->table.name);
            dropped.push_back({{"TABLE", d->table.schema, d->table.name, ""}, &to});
        }
    }
    for (const SqlObject& o : from.objects) {
        if (!gone.count(object_key(o)) || again.count(object_key(o))) continue;
        if (const auto t = target_of(o))
            dropped.push_back(
                {*t, o.kind == ObjectKind::Schema || precedes_tables(o, from) ? &to : &from});
    }

    // What a database lacks of what a fresh one built from the models holds.
    if (to.declares_objects && !from.declares_objects) {
        std::vector<Target> standing;
        for (const Table& t : to.tables)
            if (!changed_tables.count(t.schema + '\x1f' + t.name) &&
                std::any_of(from.tables.begin(), from.tables.end(), [&](const Table& f) {
                    return f.schema == t.schema && f.name == t.name;
                }))
                standing.push_back({"TABLE", t.schema, t.name, ""});
        for (const SqlObject& o : to.objects) {
            const auto t = target_of(o);
            const SqlObject* old = t ? from.find_object(o) : nullptr;
            if (!old || again.count(object_key(*old))) continue;
            standing.push_back(*t);
        }
        // A privilege the files grant too is compare_grants' to write.
        auto held = [&](const SqlObject& key, const std::string& p) {
            return holds(found(had, key), p) || holds(found(wanted, key), p);
        };
        for (const Target& t : standing)
            for (auto& g : missing_grants(to, t, held)) out.last.push_back(CreateObject{g, ""});
    }

    // What the downgrade's CREATE gets that the object did not hold.
    auto recorded = [&](const SqlObject& key, const std::string& p) {
        return holds(found(had, key), p) ||
               (from.declares_objects &&
                default_privileges_give(from.objects, grant_target_kind(key), key.schema, key.table,
                                        p));
    };
    for (const auto& [t, in_force] : dropped)
        for (auto& g : missing_grants(*in_force, t, recorded))
            out.first.push_back(CreateObject{g, kRevokedWhenCreatedAgain});
}

}  // namespace autogen::diff
