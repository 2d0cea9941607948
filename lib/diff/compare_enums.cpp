// Comparator for enums: new, dropped and changed label lists, split by when each part
// may run. Labels that columns may start using must exist before the table changes;
// labels that columns stop using must stay until after them. Since the downgrade is the
// reversed list of reversed operations, the same split makes the downgrade right too: a
// removal at the end of the upgrade is an addition at the start of the downgrade.
#include <algorithm>
#include <utility>

#include "diff/table_changes.hpp"

namespace autogen::diff {

using namespace schema;

namespace {

bool contains(const std::vector<std::string>& v, const std::string& s) {
    return std::find(v.begin(), v.end(), s) != v.end();
}

/// The last kept label (one both lists have) before `labels[i]`, "" when none: a
/// label's place, as far as the other list can tell.
std::string kept_before(const std::vector<std::string>& labels, std::size_t i,
                        const std::vector<std::string>& other) {
    for (std::size_t j = i; j-- > 0;)
        if (contains(other, labels[j])) return labels[j];
    return "";
}

/// Labels replaced at their place by labels the old list does not have: a rename in
/// place (the PostgreSQL planner's RENAME VALUE rule). A place is the kept label before
/// it; the labels the old list loses and the new one gains at the same place are paired
/// in order, the rest removed or added. Alone, that is every label replaced at its position;
/// beside labels added, removed or reordered elsewhere, the rename is still seen (and made
/// before them), so that rows keep their value under the new label.
std::map<std::string, std::string> renamed_in_place(const Enum& from, const Enum& to) {
    std::map<std::string, std::pair<std::vector<std::string>, std::vector<std::string>>> places;
    for (std::size_t i = 0; i < from.labels.size(); ++i)
        if (!contains(to.labels, from.labels[i]))
            places[kept_before(from.labels, i, to.labels)].first.push_back(from.labels[i]);
    for (std::size_t i = 0; i < to.labels.size(); ++i)
        if (!contains(from.labels, to.labels[i]))
            places[kept_before(to.labels, i, from.labels)].second.push_back(to.labels[i]);
    std::map<std::string, std::string> out;
    for (const auto& [place, labels] : places)
        for (std::size_t i = 0; i < std::min(labels.first.size(), labels.second.size()); ++i)
            out[labels.first[i]] = labels.second[i];
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
        // Renames first, as the only change of their own AlterEnum (RENAME VALUE); the
        // labels added, removed or reordered beside them follow from the renamed list.
        Enum renamed = *old;
        if (auto renames = renamed_in_place(*old, e); !renames.empty()) {
            for (auto& label : renamed.labels)
                if (auto r = renames.find(label); r != renames.end()) label = r->second;
            out.renamed_labels[e.name] = std::move(renames);
            out.before_tables.push_back(AlterEnum{*old, renamed});
            if (renamed.labels == e.labels) continue;
            old = &renamed;
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
