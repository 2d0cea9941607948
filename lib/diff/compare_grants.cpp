// compare_grants() (compare_grants.hpp).
#include "diff/compare_grants.hpp"

#include <map>

#include "diff/grants_by_defaults.hpp"
#include "schema/default_privileges.hpp"
#include "schema/grants.hpp"

namespace autogen::diff {

using namespace schema;

namespace {

std::string grant_key(const SqlObject& g) { return g.identity(); }

std::string object_key(const SqlObject& o) {
    return std::string(to_string(o.kind)) + '\x1f' + o.identity();
}

/// The object of `s` a grant is on, among the declared objects (null for a table).
const SqlObject* target_object(const SqlObject& g, const Schema& s) {
    for (const SqlObject& o : s.objects)
        if (grant_is_on(g, o)) return &o;
    return nullptr;
}

/// The tables the revision creates (Op = CreateTable) or drops (DropTable), by
/// "schema\x1fname".
template <class Op>
std::set<std::string> tables_by(const std::vector<Operation>& table_ops) {
    std::set<std::string> out;
    for (const Operation& op : table_ops)
        if (const auto* o = std::get_if<Op>(&op))
            out.insert(o->table.schema + '\x1f' + o->table.name);
    return out;
}

/// Does the declared default privileges of `side` give a privilege of `grant` to its
/// object when the role that runs the migrations creates it (docs/objects.md "Default
/// privileges")?
auto given_by_defaults(const SqlObject& grant, const Schema& side) {
    return [&grant, &side](const std::string& privilege) {
        return grant_column(grant).empty() &&
               default_privileges_give(side.objects, grant_target_kind(grant), grant.schema,
                                       grant.table, privilege);
    };
}

}  // namespace

void compare_grants(const Schema& from, const Schema& to, const std::vector<Operation>& table_ops,
                    const std::set<std::string>& gone, const std::set<std::string>& again,
                    ObjectChanges& out) {
    std::map<std::string, const SqlObject*> wanted, had;
    for (const SqlObject& o : to.objects)
        if (o.kind == ObjectKind::Grant) wanted.emplace(grant_key(o), &o);
    for (const SqlObject& o : from.objects)
        if (o.kind == ObjectKind::Grant) had.emplace(grant_key(o), &o);
    const auto tables_dropped = tables_by<DropTable>(table_ops);
    const auto tables_created = tables_by<CreateTable>(table_ops);
    // What drops the target of `g` (a grant of `from`), taking its privileges along
    // ("" when nothing does), and whether it is created again (without them).
    auto dropped_by = [&](const SqlObject& g) -> std::string {
        if (tables_dropped.count(g.schema + '\x1f' + g.name) && grant_target_kind(g) != "SCHEMA")
            return "its table is dropped";
        const SqlObject* t = target_object(g, from);
        return t && gone.count(object_key(*t))
                   ? "its " + std::string(to_string(t->kind)) + " is dropped"
                   : std::string();
    };
    auto comes_back = [&](const SqlObject& g) {
        const SqlObject* t = target_object(g, from);
        return t && again.count(object_key(*t));
    };
    // Is the target of `g` (a grant of `to`) created by the revision, after the default
    // privileges of `to` are given (which give it theirs)?
    auto created_here = [&](const SqlObject& g) {
        if (grant_target_kind(g) != "SCHEMA" && tables_created.count(g.schema + '\x1f' + g.name))
            return true;
        const SqlObject* t = target_object(g, to);
        if (!t) return false;
        const SqlObject* old = from.find_object(*t);
        return !old || again.count(object_key(*old)) > 0;
    };
    // A side that declares its objects (the models, a snapshot of them) holds only the
    // GRANTs the files declare; in a fresh database built from it, its objects also hold
    // what its default privileges give them. A database's side holds what it holds.
    auto held_by_defaults = [](const SqlObject& g, const Schema& side) {
        return [given = given_by_defaults(g, side), &side](const std::string& p) {
            return side.declares_objects && given(p);
        };
    };

    std::vector<Operation> revokes;
    for (const auto& [key, old] : had) {
        // The privileges go with their object: no REVOKE is written, but the operation
        // stays, so that the downgrade grants them again once the object is back.
        if (const std::string why = dropped_by(*old); !why.empty()) {
            revokes.push_back(DropObject{*old, why});
            continue;
        }
        auto now = wanted.find(key);
        auto lost = now == wanted.end() ? old->columns : privileges_only_in(*old, *now->second);
        // What the declared default privileges gave the object when it was created is
        // theirs, not an undeclared grant (docs/objects.md "Default privileges").
        std::erase_if(lost, held_by_defaults(*old, to));
        if (lost.empty()) continue;
        revokes.push_back(DropObject{with_privileges(*old, std::move(lost)), ""});
    }
    for (const auto& [key, g] : wanted) {
        auto old = had.find(key);
        std::vector<std::string> added;
        std::string because;
        if (old == had.end()) {
            added = g->columns;
        } else if (comes_back(*old->second)) {
            added = g->columns;
            because = "its " + std::string(to_string(target_object(*old->second, from)->kind)) +
                      " is created again";
        } else if (!dropped_by(*old->second).empty()) {
            added = g->columns;  // a table dropped and created again under its name
        } else {
            added = privileges_only_in(*g, *old->second);
        }
        // What `from` holds by its defaults, or what the defaults of `to` give the object
        // the revision creates, is not granted again. A table older than the defaults
        // lacks what they give: its declared GRANT is written.
        if (old == had.end() || !comes_back(*old->second)) {
            const bool fresh = created_here(*g);
            std::erase_if(
                added, [&, nominal = held_by_defaults(*g, from), given = given_by_defaults(*g, to)](
                           const std::string& p) { return nominal(p) || (fresh && given(p)); });
        }
        if (added.empty()) continue;
        out.last.push_back(CreateObject{with_privileges(*g, std::move(added)), because});
    }
    grants_by_defaults(from, to, table_ops, gone, again, out);
    out.first.insert(out.first.begin(), revokes.begin(), revokes.end());
}

}  // namespace autogen::diff
