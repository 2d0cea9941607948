// compare_owners() (compare_owners.hpp).
#include "diff/compare_owners.hpp"

#include <algorithm>
#include <map>

#include "schema/owners.hpp"

namespace autogen::diff {

using namespace schema;

namespace {

std::string object_key(const SqlObject& o) {
    return std::string(to_string(o.kind)) + '\x1f' + o.identity();
}

/// The declared object of `s` `owner` is of (null: a table, or none).
const SqlObject* owned_object(const SqlObject& owner, const Schema& s) {
    for (const SqlObject& o : s.objects)
        if (owner_is_of(owner, o)) return &o;
    return nullptr;
}

bool has_table(const Schema& s, const std::string& schema, const std::string& name) {
    for (const Table& t : s.tables)
        if (t.schema == schema && t.name == name) return true;
    return false;
}

bool is_grant_operation(const Operation& op) {
    const SqlObject* o = nullptr;
    if (const auto* c = std::get_if<CreateObject>(&op)) o = &c->object;
    if (const auto* d = std::get_if<DropObject>(&op)) o = &d->object;
    if (const auto* r = std::get_if<ReplaceObject>(&op)) o = &r->to;
    return o && o->kind == ObjectKind::Grant;
}

}  // namespace

void compare_owners(const Schema& from, const Schema& to, const std::vector<Operation>& table_ops,
                    const std::set<std::string>& gone, const std::set<std::string>& again,
                    ObjectChanges& out) {
    std::set<std::string> tables_dropped;
    std::map<std::string, std::string> renamed;  // "schema\x1fold" -> new name
    for (const Operation& op : table_ops) {
        if (const auto* d = std::get_if<DropTable>(&op))
            tables_dropped.insert(d->table.schema + '\x1f' + d->table.name);
        if (const auto* r = std::get_if<RenameTable>(&op))
            renamed[r->from.schema + '\x1f' + r->from.name] = r->to;
    }
    // An owner of `from` as it stands after the table changes: a renamed table keeps it.
    auto carried = [&](SqlObject o) {
        if (owned_kind(o) != "TABLE") return o;
        if (auto r = renamed.find(o.schema + '\x1f' + o.name); r != renamed.end())
            o.name = r->second;
        return o;
    };
    std::map<std::string, const SqlObject*> wanted, had_original;
    std::map<std::string, SqlObject> had;
    for (const SqlObject& o : to.objects)
        if (o.kind == ObjectKind::Owner) wanted.emplace(o.identity(), &o);
    for (const SqlObject& o : from.objects)
        if (o.kind == ObjectKind::Owner) {
            SqlObject now = carried(o);
            had_original.emplace(now.identity(), &o);
            had.emplace(now.identity(), std::move(now));
        }
    // What drops the object `o` (an owner of `from`) is of, taking its owner along ("" when
    // nothing does).
    auto dropped_by = [&](const SqlObject& o) -> std::string {
        if (owned_kind(o) == "TABLE" && tables_dropped.count(o.schema + '\x1f' + o.name))
            return "its table is dropped";
        const SqlObject* t = owned_object(o, from);
        return t && gone.count(object_key(*t))
                   ? "its " + std::string(to_string(t->kind)) + " is dropped"
                   : std::string();
    };
    // Why `o` (an owner of `to`) is set after its object's CREATE, or "" when the object
    // stands: created by this revision, or created again.
    auto created_by = [&](const SqlObject& o) -> std::string {
        if (owned_kind(o) == "TABLE") {
            if (const SqlObject* t = owned_object(o, to); t == nullptr) {
                const bool there = has_table(from, o.schema, o.name) ||
                                   std::any_of(renamed.begin(), renamed.end(),
                                               [&](const auto& r) { return r.second == o.name; });
                if (!there) return "its table is created";
                return tables_dropped.count(o.schema + '\x1f' + o.name)
                           ? "its table is created again"
                           : std::string();
            }
        }
        const SqlObject* t = owned_object(o, to);
        if (!t) return {};
        const SqlObject* before = from.find_object(*t);
        const std::string kind = to_string(t->kind);
        if (!before) return "its " + kind + " is created";
        return again.count(object_key(*before)) ? "its " + kind + " is created again"
                                                : std::string();
    };

    std::vector<Operation> drops, sets;
    for (const auto& [key, old] : had) {
        const SqlObject& original = *had_original.at(key);
        if (const std::string why = dropped_by(original); !why.empty()) {
            drops.push_back(DropObject{original, why});
            continue;
        }
        if (!wanted.count(key)) drops.push_back(DropObject{original, ""});
    }
    for (const auto& [key, o] : wanted) {
        auto old = had.find(key);
        const std::string why = created_by(*o);
        if (old == had.end() || !why.empty()) {
            sets.push_back(CreateObject{*o, why});
            continue;
        }
        if (old->second.table != o->table) sets.push_back(ReplaceObject{old->second, *o});
    }
    out.first.insert(out.first.begin(), drops.begin(), drops.end());
    // OWNER TO before the grants: it hands the old owner's own entry, its grants folded
    // in, to the new owner, so a grant to the old owner is written after it (and the
    // downgrade revokes it before giving the object back).
    auto first_grant = std::find_if(out.last.begin(), out.last.end(),
                                    [](const Operation& op) { return is_grant_operation(op); });
    out.last.insert(first_grant, sets.begin(), sets.end());
}

}  // namespace autogen::diff
