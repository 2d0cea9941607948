// Comparator for enums: new, dropped and changed label lists, split by when each part
// may run. Labels that columns may start using must exist before the table changes;
// labels that columns stop using must stay until after them. Since the downgrade is the
// reversed list of reversed operations, the same split makes the downgrade right too: a
// removal at the end of the upgrade is an addition at the start of the downgrade.
#include <algorithm>

#include "diff/table_changes.hpp"

namespace autogen::diff {

using namespace schema;

namespace {

bool contains(const std::vector<std::string>& v, const std::string& s) {
    return std::find(v.begin(), v.end(), s) != v.end();
}

/// Labels replaced at their position by labels the old list does not have, when that is
/// the only change: a rename in place (the PostgreSQL planner's RENAME VALUE rule).
std::map<std::string, std::string> renamed_in_place(const Enum& from, const Enum& to) {
    std::map<std::string, std::string> out;
    if (from.labels.size() != to.labels.size()) return {};
    for (std::size_t i = 0; i < from.labels.size(); ++i) {
        if (from.labels[i] == to.labels[i]) continue;
        if (contains(to.labels, from.labels[i]) || contains(from.labels, to.labels[i])) return {};
        out[from.labels[i]] = to.labels[i];
    }
    return out;
}

}  // namespace

EnumChanges compare_enums(const Schema& from, const Schema& to) {
    EnumChanges out;
    for (const Enum& e : to.enums) {
        const Enum* old = from.find_enum(e.name, e.schema);
        if (!old) {
            out.before_tables.push_back(CreateEnum{e});
            continue;
        }
        // After the label changes: a rebuild (PostgreSQL) writes the new comment too.
        if (old->comment != e.comment)
            out.after_tables.push_back(SetObjectComment{TableRef{e.schema, ""}, CommentTarget::Type,
                                                        e.name, old->comment, e.comment});
        if (old->labels == e.labels) continue;
        if (auto renames = renamed_in_place(*old, e); !renames.empty()) {
            out.renamed_labels[e.name] = std::move(renames);
            out.before_tables.push_back(AlterEnum{*old, e});
            continue;
        }
        std::vector<std::string> added;
        bool removes = false;
        for (const auto& label : e.labels)
            if (!contains(old->labels, label)) added.push_back(label);
        for (const auto& label : old->labels) removes = removes || !contains(e.labels, label);
        if (!removes) {
            out.before_tables.push_back(AlterEnum{*old, e});
        } else if (added.empty()) {
            out.after_tables.push_back(AlterEnum{*old, e});
        } else {
            // Both: the new labels are appended first, the old ones go (and the order is
            // set) once no column uses them.
            Enum mid = *old;
            mid.labels.insert(mid.labels.end(), added.begin(), added.end());
            out.before_tables.push_back(AlterEnum{*old, mid});
            out.after_tables.push_back(AlterEnum{mid, e});
        }
    }
    for (const Enum& e : from.enums)
        if (!to.find_enum(e.name, e.schema)) out.after_tables.push_back(DropEnum{e});
    return out;
}

}  // namespace autogen::diff
