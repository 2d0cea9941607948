// Comparator for the objects declared in SQL (views, materialized views, extensions ...):
// new, dropped and changed ones, split by when each runs. An object that reads tables is
// dropped before the table changes (the old one may read a column that goes or changes
// type: PostgreSQL refuses to alter or drop what a view reads) and created after them
// (the new one may read a new column). An object that reads a table or object that
// changes under it is dropped and created
// again with the same definition, and so is every object that reads one that is. Since the
// downgrade is the reversed list of reversed operations, the same split serves it. An
// object the tables need (schema::precedes_tables) is the mirror: created before the
// table changes, dropped after them.
#include <algorithm>
#include <set>

#include "diff/column_grants_again.hpp"
#include "diff/compare_default_privileges.hpp"
#include "diff/compare_grants.hpp"
#include "diff/compare_owners.hpp"
#include "diff/table_changes.hpp"
#include "schema/extension_comment.hpp"
#include "schema/routine_signature.hpp"
#include "schema/view_calls.hpp"
#include "schema/view_column_comments.hpp"
#include "support/text.hpp"

namespace autogen::diff {

using namespace schema;

namespace {

std::string object_key(const SqlObject& o) {
    return std::string(to_string(o.kind)) + '\x1f' + o.identity();
}

/// Does the object's statement name `name` (a table or another object)?
bool reads(const SqlObject& o, const std::string& name) {
    return support::mentions_identifier(o.sql, name);
}

/// Must `reader` be dropped while `read` is dropped and created again? A view reading a
/// view or calling a function, a trigger running a function: PostgreSQL refuses the drop
/// while they stand. Nothing is bound to a trigger, and a function's body is bound to
/// nothing it names until it runs.
bool bound_to(const SqlObject& reader, const SqlObject& read) {
    if (read.kind == ObjectKind::Trigger || read.kind == ObjectKind::Policy) return false;
    if (reader.kind == ObjectKind::Function || reader.kind == ObjectKind::Procedure) return false;
    // A partition's bound is constants: nothing it names binds it (and dropping it would
    // lose its rows).
    if (reader.kind == ObjectKind::Partition) return false;
    // A trigger runs a function of no arguments: an overload of its name taking some is
    // not the one it is bound to.
    if (reader.kind == ObjectKind::Trigger && is_routine(read) &&
        !identity_types(read.arguments).empty())
        return false;
    // A view or policy is bound to the overload its call resolved to, when its database
    // says which.
    if (is_routine(read) && binds_routines(reader.kind)) return calls_routine(reader, read);
    return reads(reader, read.name);
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

/// Extensions, grants, default privileges and owners are compared by their own rules
/// (compare_extensions below, compare_grants.cpp, compare_default_privileges.cpp,
/// compare_owners.cpp).
bool compared_apart(const SqlObject& o) {
    return o.kind == ObjectKind::Extension || o.kind == ObjectKind::Grant ||
           o.kind == ObjectKind::DefaultPrivilege || o.kind == ObjectKind::Owner;
}
/// Does a policy on `table` stand through `table_ops`: a view is created again around any
/// change of the columns it reads, but PostgreSQL rewrites a policy's expressions when a
/// column is renamed, so a rename of a column the policy does not name leaves it alone.
/// Any other change that tables_changing_under_objects notes, or a rename of a column the
/// policy names (its ALTER back in the downgrade would run before the rename back), does not.
bool policy_stands(const SqlObject& policy, const std::string& table,
                   const std::vector<Operation>& table_ops) {
    for (const Operation& op : table_ops) {
        if (const auto* r = std::get_if<RenameColumn>(&op)) {
            if (r->table.name == table && reads(policy, r->from)) return false;
            continue;
        }
        const bool other = (std::holds_alternative<DropTable>(op) &&
                            std::get<DropTable>(op).table.name == table) ||
                           (std::holds_alternative<RenameTable>(op) &&
                            std::get<RenameTable>(op).from.name == table) ||
                           (std::holds_alternative<DropColumn>(op) &&
                            std::get<DropColumn>(op).table.name == table) ||
                           (std::holds_alternative<AlterColumn>(op) &&
                            std::get<AlterColumn>(op).table.name == table &&
                            (std::get<AlterColumn>(op).changes &
                             (kChangeType | kChangeGenerated | kChangeCollation))) ||
                           std::holds_alternative<AlterEnum>(op);
        if (other) return false;
    }
    return true;
}

/// A schema one side declares and the other holds without declaring it (tables in it)
/// is the same schema: neither dropped nor created.
bool implied_schema(const SqlObject& o, const Schema& other) {
    return o.kind == ObjectKind::Schema && implies_schema(other, o.name);
}

/// The extensions: a new one created before the table changes (a new column may have its
/// type), a removed one dropped after them (a dropped column may have had its type; a
/// table still using it makes the database refuse the DROP, which is right). A declared
/// VERSION or SCHEMA that differs from the installed one is an ALTER EXTENSION, before
/// the tables; what the models leave undeclared is never compared, but for a comment: one
/// removed from the files goes back to the one its control file gives it.
void compare_extensions(const Schema& from, const Schema& to, ObjectChanges& out,
                        std::vector<Operation>& drops) {
    for (const SqlObject& o : to.objects) {
        if (o.kind != ObjectKind::Extension) continue;
        const SqlObject* old = from.find_object(o.kind, o.name);
        if (!old) {
            out.before_tables.push_back(CreateObject{o, ""});
            continue;
        }
        // The installed extension with what the models declare differently: the ALTER
        // changes only that, and its reverse puts only that back.
        // Its control file comments it, and a side read from the files has only what they
        // declare: a comment is compared only when both sides have one (as a version). One
        // the files no longer declare goes back to the control file's, when the database
        // says which (extension_comment.hpp).
        std::string comment = o.comment;
        if (comment.empty())
            comment = shipped_comment(o).value_or(shipped_comment(*old).value_or(""));
        if (!comment.empty() && !old->comment.empty() && comment != old->comment)
            out.before_tables.push_back(object_comment(o, old->comment, comment));
        SqlObject now = *old;
        if (!o.version.empty() && !old->version.empty()) now.version = o.version;
        if (!o.schema.empty() && !old->schema.empty()) now.schema = o.schema;
        if (now.version == old->version && now.schema == old->schema) continue;
        now.sql = o.sql;
        now.location = o.location;
        out.before_tables.push_back(ReplaceObject{*old, now});
    }
    for (auto it = from.objects.rbegin(); it != from.objects.rend(); ++it)
        if (it->kind == ObjectKind::Extension && !to.find_object(it->kind, it->name))
            drops.push_back(DropObject{*it, ""});
}

}  // namespace

ObjectChanges compare_objects(const Schema& from, const Schema& to,
                              const std::vector<Operation>& table_ops, const DiffRules& rules) {
    ObjectChanges out;
    if (!from.declares_objects && !to.declares_objects) return out;

    std::vector<Operation> extension_drops;
    compare_extensions(from, to, out, extension_drops);

    std::map<std::string, const SqlObject*> wanted;
    for (const SqlObject& o : to.objects)
        if (!compared_apart(o)) wanted.emplace(object_key(o), &o);

    // Which objects of `from` go (for good, or to be created again), and why.
    std::map<std::string, std::string> dropped;  // key -> reason ("" = removed or changed)
    const auto changing = tables_changing_under_objects(from, table_ops);
    for (const SqlObject& o : from.objects) {
        if (compared_apart(o)) continue;
        auto now = wanted.find(object_key(o));
        if (now == wanted.end()) {
            if (!implied_schema(o, to)) dropped.emplace(object_key(o), "");
            continue;
        }
        if (o.definition != now->second->definition && !rules.replaces_in_place(o, *now->second)) {
            dropped.emplace(object_key(o),
                            o.kind == ObjectKind::Domain
                                ? "its base type or collation changes, which ALTER DOMAIN cannot "
                                  "change"
                            : o.kind == ObjectKind::Type
                                ? "its definition changes in a way ALTER TYPE cannot make"
                                : "its definition changes and cannot be replaced in place");
            continue;
        }
        // What the tables need does not read them (a function's body is not bound to
        // the columns it names until it runs).
        if (precedes_tables(o, from)) continue;
        // A partition follows its parent's columns (PostgreSQL alters them together);
        // dropping it would lose its rows.
        if (o.kind == ObjectKind::Partition) continue;
        for (const auto& [table, what] : changing)
            if (reads(o, table) &&
                !(o.kind == ObjectKind::Policy && policy_stands(o, table, table_ops))) {
                dropped.emplace(object_key(o), "it reads \"" + table + "\", which " + what);
                break;
            }
    }
    // Whatever reads an object that goes must go first, and comes back after.
    for (bool grew = true; grew;) {
        grew = false;
        for (const SqlObject& o : from.objects) {
            if (compared_apart(o) || dropped.count(object_key(o))) continue;
            for (const SqlObject& gone : from.objects) {
                if (&gone == &o || !dropped.count(object_key(gone)) || !bound_to(o, gone)) continue;
                dropped.emplace(object_key(o), std::string("it reads ") + to_string(gone.kind) +
                                                   " \"" + gone.name +
                                                   "\", which is dropped first");
                grew = true;
                break;
            }
        }
    }

    // Drops in the reverse of creation order: an object before those it reads. One
    // created again goes where its creation's phase puts it, ahead of that creation. A
    // schema goes last of all, after the extensions too (its downgrade creates it first).
    std::vector<Operation> schema_drops;
    for (auto it = from.objects.rbegin(); it != from.objects.rend(); ++it) {
        auto d = dropped.find(object_key(*it));
        if (d == dropped.end()) continue;
        const auto again = wanted.find(d->first);
        if (again == wanted.end()) {
            auto& list = it->kind == ObjectKind::Schema ? schema_drops
                         : precedes_tables(*it, from)   ? out.after_tables
                                                        : out.first;
            list.push_back(DropObject{*it, ""});
        } else {
            auto& list = precedes_tables(*again->second, to) ? out.before_tables : out.first;
            list.push_back(DropObject{*it, d->second});
        }
    }
    // Creations and replacements in the models' order (each after what it reads).
    for (const SqlObject& o : to.objects) {
        if (compared_apart(o)) continue;
        auto& list = precedes_tables(o, to) ? out.before_tables : out.last;
        const SqlObject* old = from.find_object(o);
        auto d = dropped.find(object_key(o));
        if (!old) {
            if (!implied_schema(o, from)) list.push_back(CreateObject{o, ""});
        } else if (d != dropped.end()) {
            list.push_back(CreateObject{o, d->second});
        } else if (old->definition != o.definition) {
            list.push_back(ReplaceObject{*old, o});  // a new comment rides along
        } else {
            if (old->comment != o.comment)
                list.push_back(object_comment(o, old->comment, o.comment));
            for (auto& c : column_comment_changes(*old, o)) list.push_back(std::move(c));
        }
    }
    std::set<std::string> gone, again;
    for (const auto& [key, why] : dropped) (wanted.count(key) ? again : gone).insert(key);
    gone.insert(again.begin(), again.end());
    compare_grants(from, to, table_ops, gone, again, out);
    grant_column_privileges_again(from, to, table_ops, rules, out);
    compare_default_privileges(from, to, out);
    compare_owners(from, to, table_ops, gone, again, out);
    // Extensions go after the table changes, which may stop using their types.
    out.after_tables.insert(out.after_tables.end(), extension_drops.begin(), extension_drops.end());
    out.after_tables.insert(out.after_tables.end(), schema_drops.begin(), schema_drops.end());
    return out;
}

}  // namespace autogen::diff
