// Comparators for primary keys, foreign keys, unique and check constraints and indexes.
// They share one matching rule: by name where the database keeps constraint names, by
// definition where it does not (then a renamed constraint is not a change). Where names
// are kept, a constraint of `to` without a namesake that has the definition of one of
// `from` without a namesake is that constraint renamed: a rename, not a drop and an add;
// when one of the two has no name (the database kept none), it is no change at all.
#include <algorithm>
#include <functional>
#include <type_traits>

#include "diff/table_changes.hpp"
#include "schema/index_keys.hpp"

namespace autogen::diff {

using namespace schema;

namespace {

/// Pairs constraints of `from` (column names translated through renames) and `to`;
/// calls on_added for those of `to` without a partner, on_removed with the *original*
/// (untranslated, same position) for those of `from` without one, both for name
/// matches whose definitions differ, and on_renamed (original, new) for a pair matched
/// by definition after the names (by_name only).
template <class T, class Same>
void match_constraints(const std::vector<T>& from, const std::vector<T>& original,
                       const std::vector<T>& to, bool by_name, Same same,
                       const std::function<void(const T&)>& on_removed,
                       const std::function<void(const T&)>& on_added,
                       const std::function<void(const T&, const T&)>& on_renamed) {
    std::vector<bool> used(from.size(), false);
    std::vector<bool> matched(to.size(), false);
    for (std::size_t k = 0; k < to.size(); ++k) {
        const T& item = to[k];
        for (std::size_t i = 0; i < from.size(); ++i) {
            if (used[i]) continue;
            if (by_name ? from[i].name == item.name : same(from[i], item)) {
                used[i] = true;
                matched[k] = true;
                if (by_name && !same(from[i], item)) {
                    // Redefined under the same name: drop the old, add the new.
                    on_removed(original[i]);
                    on_added(item);
                }
                break;
            }
        }
    }
    for (std::size_t k = 0; k < to.size(); ++k) {
        if (matched[k]) continue;
        bool renamed = false;
        for (std::size_t i = 0; by_name && i < from.size() && !renamed; ++i) {
            if (used[i] || !same(from[i], to[k])) continue;
            used[i] = true;
            renamed = true;
            // A constraint the database keeps unnamed (SQLite's inline REFERENCES, CHECK
            // or UNIQUE) is the model's constraint of that definition, as an unnamed
            // primary key is: naming it would rebuild the table for a name nothing uses.
            if (!from[i].name.empty() && !to[k].name.empty()) on_renamed(original[i], to[k]);
        }
        if (!renamed) on_added(to[k]);
    }
    for (std::size_t i = 0; i < from.size(); ++i) {
        if (!used[i]) on_removed(original[i]);
    }
}

/// The callback that records a rename of a `kind` object of `table`.
template <class T>
std::function<void(const T&, const T&)> rename_into(TableChanges& out, const TableRef& table,
                                                    ConstraintKind kind) {
    return [&out, table, kind](const T& before, const T& after) {
        RenameConstraint r{table, kind, before.name, after.name, {}};
        if constexpr (std::is_same_v<T, Index>) r.index = after;
        out.renames.push_back(std::move(r));
    };
}

/// A column the key change takes out of the primary key and makes nullable: PostgreSQL
/// refuses DROP NOT NULL on a column of the primary key (42P16), so its AlterColumn
/// moves after the AlterPrimaryKey that `columns` ends with; the other columns' changes
/// stay before it (a column joining the key is made NOT NULL, its NULLs filled, first).
/// The downgrade, the reversed list, then sets NOT NULL before the old key comes back.
void make_nullable_after_the_key(std::vector<Operation>& columns,
                                 const std::optional<PrimaryKey>& from,
                                 const std::optional<PrimaryKey>& to) {
    if (!from) return;
    auto in = [](const std::optional<PrimaryKey>& key, const std::string& column) {
        return key &&
               std::find(key->columns.begin(), key->columns.end(), column) != key->columns.end();
    };
    auto leaves_key_nullable = [&](const Operation& op) {
        const auto* a = std::get_if<AlterColumn>(&op);
        return a && (a->changes & kChangeNullability) && a->to.nullable && in(from, a->to.name) &&
               !in(to, a->to.name);
    };
    // columns = [column changes..., AlterPrimaryKey]: the key first among the movers.
    std::stable_partition(columns.begin(), columns.end(),
                          [&](const Operation& op) { return !leaves_key_nullable(op); });
}

}  // namespace

void compare_primary_key(FromTable from, const Table& to, const DiffRules& rules,
                         TableChanges& out) {
    const auto& a = from.renamed.primary_key;
    const auto& b = to.primary_key;
    bool same = a.has_value() == b.has_value();
    if (same && a) {
        same = a->columns == b->columns;
        // An unnamed key (a model without a name or a pk convention, or the models'
        // snapshot standing for the chain) leaves the name to the database; two names
        // must match, or the key is renamed (an AlterPrimaryKey over the same columns,
        // phrased and planned as a rename).
        if (rules.keeps_primary_key_name() && !a->name.empty() && !b->name.empty()) {
            same = same && a->name == b->name;
        }
    }
    if (!same) {
        out.columns.push_back(AlterPrimaryKey{ref(to), from.original.primary_key, b});
        make_nullable_after_the_key(out.columns, a, b);
    }
}

void compare_foreign_keys(FromTable from, const Table& to, const DiffRules& rules,
                          TableChanges& out) {
    TableRef table = ref(to);
    auto same = [](const ForeignKey& x, const ForeignKey& y) {
        return x.columns == y.columns && x.ref_table == y.ref_table &&
               x.ref_schema == y.ref_schema && x.ref_columns == y.ref_columns &&
               x.on_delete == y.on_delete && x.on_update == y.on_update &&
               x.deferrable == y.deferrable && x.initially_deferred == y.initially_deferred &&
               x.match_full == y.match_full;
    };
    match_constraints<ForeignKey>(
        from.renamed.foreign_keys, from.original.foreign_keys, to.foreign_keys,
        rules.keeps_constraint_names(), same,
        [&](const ForeignKey& k) {
            out.drop_dependents.push_back(DropForeignKey{table, k});
        },
        [&](const ForeignKey& k) {
            out.add_dependents.push_back(AddForeignKey{table, k});
        },
        rename_into<ForeignKey>(out, table, ConstraintKind::ForeignKey));
}

void compare_uniques(FromTable from, const Table& to, const DiffRules& rules, TableChanges& out) {
    TableRef table = ref(to);
    auto same = [](const UniqueConstraint& x, const UniqueConstraint& y) {
        return x.columns == y.columns;
    };
    match_constraints<UniqueConstraint>(
        from.renamed.uniques, from.original.uniques, to.uniques, rules.keeps_constraint_names(),
        same,
        [&](const UniqueConstraint& u) {
            out.drop_dependents.push_back(DropUnique{table, u});
        },
        [&](const UniqueConstraint& u) {
            out.add_dependents.push_back(AddUnique{table, u});
        },
        rename_into<UniqueConstraint>(out, table, ConstraintKind::Unique));
}

void compare_checks(FromTable from, const Table& to, const DiffRules& rules, TableChanges& out) {
    TableRef table = ref(to);
    auto same_definition = [&](const CheckConstraint& x, const CheckConstraint& y) {
        return rules.same_expression(x.expression, y.expression) && x.no_inherit == y.no_inherit;
    };
    auto same = [&](const CheckConstraint& x, const CheckConstraint& y) {
        return same_definition(x, y) && x.not_valid == y.not_valid;
    };
    // A check of the same name and definition whose validity alone changes is validated
    // (or made NOT VALID again), not dropped and added: from here on it is that validity.
    std::vector<CheckConstraint> renamed = from.renamed.checks;
    std::vector<CheckConstraint> original = from.original.checks;
    for (std::size_t i = 0; rules.keeps_constraint_names() && i < renamed.size(); ++i) {
        for (const auto& c : to.checks) {
            if (c.name != renamed[i].name || !same_definition(renamed[i], c) ||
                c.not_valid == renamed[i].not_valid)
                continue;
            out.add_dependents.push_back(SetCheckValidity{table, c});
            renamed[i].not_valid = original[i].not_valid = c.not_valid;
        }
    }
    match_constraints<CheckConstraint>(
        renamed, original, to.checks, rules.keeps_constraint_names(), same,
        [&](const CheckConstraint& c) {
            out.drop_dependents.push_back(DropCheck{table, c});
        },
        [&](const CheckConstraint& c) {
            out.add_dependents.push_back(AddCheck{table, c});
        },
        rename_into<CheckConstraint>(out, table, ConstraintKind::Check));
}

void compare_exclusions(FromTable from, const Table& to, TableChanges& out) {
    TableRef table = ref(to);
    auto same = [](const ExclusionConstraint& x, const ExclusionConstraint& y) {
        return x.definition == y.definition && x.where == y.where;
    };
    match_constraints<ExclusionConstraint>(
        from.renamed.exclusions, from.original.exclusions, to.exclusions, /*by_name=*/true, same,
        [&](const ExclusionConstraint& x) {
            out.drop_dependents.push_back(DropExclusion{table, x});
        },
        [&](const ExclusionConstraint& x) {
            out.add_dependents.push_back(AddExclusion{table, x});
        },
        // Never matched by definition under another name: a rename is drop + add.
        [&](const ExclusionConstraint& before, const ExclusionConstraint& after) {
            out.drop_dependents.push_back(DropExclusion{table, before});
            out.add_dependents.push_back(AddExclusion{table, after});
        });
}

namespace {

/// The collation a key of `table` gets when it names none: its column's (none for an
/// expression or a column not found).
std::optional<std::string> column_collation(const Table& table, const std::string& item) {
    const Column* c = table.find_column(item);
    return c ? c->collation : std::nullopt;
}

}  // namespace

void compare_indexes(FromTable from, const Table& to, const DiffRules& rules, TableChanges& out) {
    TableRef table = ref(to);
    auto same = [&](const Index& x, const Index& y) {
        if (x.unique != y.unique || x.method != y.method || x.columns.size() != y.columns.size())
            return false;
        if (x.include != y.include || x.nulls_not_distinct != y.nulls_not_distinct ||
            x.storage_parameters != y.storage_parameters)
            return false;
        if (!rules.same_expression(x.where, y.where)) return false;
        for (std::size_t i = 0; i < x.columns.size(); ++i) {
            if (!rules.same_expression(x.columns[i], y.columns[i])) return false;
            if (!schema::same_key_options(
                    schema::key_options(x, i), column_collation(from.renamed, x.columns[i]),
                    schema::key_options(y, i), column_collation(to, y.columns[i])))
                return false;
        }
        return true;
    };
    // Every supported database keeps index names, so indexes always match by name.
    match_constraints<Index>(
        from.renamed.indexes, from.original.indexes, to.indexes, /*by_name=*/true, same,
        [&](const Index& i) {
            out.drop_dependents.push_back(DropIndex{table, i});
        },
        [&](const Index& i) {
            out.add_dependents.push_back(CreateIndex{table, i});
        },
        rename_into<Index>(out, table, ConstraintKind::Index));
}

}  // namespace autogen::diff
