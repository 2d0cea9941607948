// Comparator for the comments on a table's keys, indexes and constraints (COMMENT ON
// INDEX / CONSTRAINT). A comment is no part of an object's definition: an object that
// stays (under its name, or renamed: the database keeps the comment through a rename)
// and whose comment changes is a SetObjectComment; an object added or created again
// carries its comment in its own operation, which the planner follows with COMMENT ON.
#include <map>
#include <set>

#include "diff/table_changes.hpp"
#include "support/overloaded.hpp"

namespace autogen::diff {

using namespace schema;

namespace {

/// The names of `t`'s objects that `ops` add or create again (their comment rides along).
std::set<std::string> created_names(const std::vector<Operation>& ops) {
    std::set<std::string> out;
    for (const auto& op : ops)
        std::visit(support::Overloaded{
                       [&](const AddUnique& o) { out.insert(o.unique.name); },
                       [&](const AddCheck& o) { out.insert(o.check.name); },
                       [&](const AddForeignKey& o) { out.insert(o.key.name); },
                       [&](const AddExclusion& o) { out.insert(o.exclusion.name); },
                       [&](const CreateIndex& o) { out.insert(o.index.name); },
                       [&](const auto&) {},
                   },
                   op);
    return out;
}

/// For each object of `to` that stays, a SetObjectComment when its comment changes.
template <class T>
void compare_list(const std::vector<T>& from, const std::vector<T>& to, CommentTarget target,
                  const std::set<std::string>& created,
                  const std::map<std::string, std::string>& renamed_from, const TableRef& table,
                  TableChanges& out) {
    for (const T& now : to) {
        if (now.name.empty() || created.contains(now.name)) continue;
        auto r = renamed_from.find(now.name);
        const std::string& old_name = r == renamed_from.end() ? now.name : r->second;
        for (const T& old : from) {
            if (old.name != old_name) continue;
            if (old.comment != now.comment)
                out.other.push_back(
                    SetObjectComment{table, target, now.name, old.comment, now.comment});
            break;
        }
    }
}

}  // namespace

void compare_object_comments(FromTable from, const Table& to, TableChanges& out) {
    const TableRef table = ref(to);
    std::set<std::string> created = created_names(out.add_dependents);
    std::map<std::string, std::string> renamed_from;  // new name -> old name
    for (const auto& op : out.renames)
        if (const auto* r = std::get_if<RenameConstraint>(&op)) renamed_from[r->to] = r->from;
    const Table& before = from.original;
    compare_list(before.foreign_keys, to.foreign_keys, CommentTarget::Constraint, created,
                 renamed_from, table, out);
    compare_list(before.uniques, to.uniques, CommentTarget::Constraint, created, renamed_from,
                 table, out);
    compare_list(before.checks, to.checks, CommentTarget::Constraint, created, renamed_from, table,
                 out);
    compare_list(before.exclusions, to.exclusions, CommentTarget::Constraint, created, renamed_from,
                 table, out);
    compare_list(before.indexes, to.indexes, CommentTarget::Index, created, renamed_from, table,
                 out);
    // The primary key: created again (another definition) by its AlterPrimaryKey, which
    // carries the comment; kept or only renamed, its comment is compared here.
    if (!before.primary_key || !to.primary_key) return;
    for (const auto& op : out.columns)
        if (const auto* a = std::get_if<AlterPrimaryKey>(&op); a && !is_primary_key_rename(*a))
            return;
    const PrimaryKey& old = *before.primary_key;
    const PrimaryKey& now = *to.primary_key;
    const std::string& name = now.name.empty() ? old.name : now.name;
    if (old.comment != now.comment && !name.empty())
        out.other.push_back(
            SetObjectComment{table, CommentTarget::Constraint, name, old.comment, now.comment});
}

}  // namespace autogen::diff
