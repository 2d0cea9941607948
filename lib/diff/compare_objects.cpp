// Comparator for the objects declared in SQL (views, materialized views ...): new, dropped
// and changed ones, split by when each runs. An object that reads tables is dropped before
// the table changes (the old one may read a column that goes or changes type: PostgreSQL
// refuses to alter or drop what a view reads) and created after them (the new one may read a new
// column). An object that reads a table or object that changes under it is dropped and created
// again with the same definition, and so is every object that reads one that is. Since the
// downgrade is the reversed list of reversed operations, the same split serves it. An
// object the tables need (schema::precedes_tables) is the mirror: created before the
// table changes, dropped after them.
#include <algorithm>
#include <set>

#include "diff/table_changes.hpp"
#include "support/text.hpp"

namespace autogen::diff {

using namespace schema;

namespace {

std::string object_key(const SqlObject& o) {
    return std::string(to_string(o.kind)) + '\x1f' + o.schema + '\x1f' + o.name;
}

/// Does the object's statement name `name` (a table or another object)?
bool reads(const SqlObject& o, const std::string& name) {
    return support::mentions_identifier(o.sql, name);
}

/// The tables a change alters under the objects that read them, with what happens to
/// each (for the reason the revision prints): dropped, renamed, or a column dropped,
/// renamed or changing its type, generation or collation (PostgreSQL refuses those while
/// a view reads the column; a renamed name would be read no more).
std::map<std::string, std::string> tables_changing_under_objects(
    const Schema& from, const std::vector<Operation>& table_ops) {
    std::map<std::string, std::string> out;
    auto note = [&](const std::string& table, const std::string& what) {
        out.emplace(table, what);
    };
    for (const Operation& op : table_ops) {
        if (const auto* d = std::get_if<DropTable>(&op)) note(d->table.name, "is dropped");
        if (const auto* r = std::get_if<RenameTable>(&op)) note(r->from.name, "is renamed");
        if (const auto* d = std::get_if<DropColumn>(&op))
            note(d->table.name, "loses column \"" + d->column.name + "\"");
        if (const auto* r = std::get_if<RenameColumn>(&op))
            note(r->table.name, "renames column \"" + r->from + "\"");
        if (const auto* a = std::get_if<AlterColumn>(&op);
            a && (a->changes & (kChangeType | kChangeGenerated | kChangeCollation)))
            note(a->table.name, "changes column \"" + a->to.name + "\"");
        // An enum rebuilt to lose labels converts every column of that type.
        if (const auto* e = std::get_if<AlterEnum>(&op))
            for (const Table& t : from.tables)
                for (const Column& c : t.columns)
                    if (c.type.enum_name == e->from.name)
                        note(t.name, "changes column \"" + c.name + "\" (enum rebuilt)");
    }
    return out;
}

}  // namespace

ObjectChanges compare_objects(const Schema& from, const Schema& to,
                              const std::vector<Operation>& table_ops, const DiffRules& rules) {
    ObjectChanges out;
    if (!from.declares_objects && !to.declares_objects) return out;

    std::map<std::string, const SqlObject*> wanted;
    for (const SqlObject& o : to.objects) wanted.emplace(object_key(o), &o);

    // Which objects of `from` go (for good, or to be created again), and why.
    std::map<std::string, std::string> dropped;  // key -> reason ("" = removed or changed)
    const auto changing = tables_changing_under_objects(from, table_ops);
    for (const SqlObject& o : from.objects) {
        auto now = wanted.find(object_key(o));
        if (now == wanted.end()) {
            dropped.emplace(object_key(o), "");
            continue;
        }
        if (o.definition != now->second->definition && !rules.replaces_in_place(o, *now->second)) {
            dropped.emplace(object_key(o),
                            o.kind == ObjectKind::Domain
                                ? "its base type or collation changes, which ALTER DOMAIN cannot "
                                  "change"
                                : "its definition changes and cannot be replaced in place");
            continue;
        }
        // What the tables need does not read them (a function's body is not bound to
        // the columns it names until it runs).
        if (precedes_tables(o, from)) continue;
        for (const auto& [table, what] : changing)
            if (reads(o, table)) {
                dropped.emplace(object_key(o), "it reads \"" + table + "\", which " + what);
                break;
            }
    }
    // Whatever reads an object that goes must go first, and comes back after.
    for (bool grew = true; grew;) {
        grew = false;
        for (const SqlObject& o : from.objects) {
            if (dropped.count(object_key(o))) continue;
            for (const SqlObject& gone : from.objects) {
                if (&gone == &o || !dropped.count(object_key(gone)) || !reads(o, gone.name))
                    continue;
                dropped.emplace(object_key(o), std::string("it reads ") + to_string(gone.kind) +
                                                   " \"" + gone.name +
                                                   "\", which is dropped first");
                grew = true;
                break;
            }
        }
    }

    // Drops in the reverse of creation order: an object before those it reads. One
    // created again goes where its creation's phase puts it, ahead of that creation.
    for (auto it = from.objects.rbegin(); it != from.objects.rend(); ++it) {
        auto d = dropped.find(object_key(*it));
        if (d == dropped.end()) continue;
        const auto again = wanted.find(d->first);
        if (again == wanted.end()) {
            auto& list = precedes_tables(*it, from) ? out.after_tables : out.first;
            list.push_back(DropObject{*it, ""});
        } else {
            auto& list = precedes_tables(*again->second, to) ? out.before_tables : out.first;
            list.push_back(DropObject{*it, d->second});
        }
    }
    // Creations and replacements in the models' order (each after what it reads).
    for (const SqlObject& o : to.objects) {
        auto& list = precedes_tables(o, to) ? out.before_tables : out.last;
        const SqlObject* old = from.find_object(o.kind, o.name, o.schema);
        auto d = dropped.find(object_key(o));
        if (!old) {
            list.push_back(CreateObject{o, ""});
        } else if (d != dropped.end()) {
            list.push_back(CreateObject{o, d->second});
        } else if (old->definition != o.definition) {
            list.push_back(ReplaceObject{*old, o});
        }
    }
    return out;
}

}  // namespace autogen::diff
