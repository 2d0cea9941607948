// The per-table buckets the comparators fill; differ.cpp flattens them in the one
// order that keeps every dependency satisfied (drops of dependents before changes,
// additions after).
#pragma once

#include <vector>

#include "diff/diff_rules.hpp"
#include "schema/operation.hpp"

namespace autogen::diff {

struct TableChanges {
    std::vector<schema::Operation> drop_dependents;  ///< indexes, FKs, uniques, checks going away
    std::vector<schema::Operation> renames;          ///< column renames
    std::vector<schema::Operation> columns;          ///< add / alter columns, primary key changes
    std::vector<schema::Operation> drop_columns;
    std::vector<schema::Operation> add_dependents;   ///< uniques, checks, FKs, indexes coming in
    std::vector<schema::Operation> other;            ///< comments

    /// Appends every bucket to `out` in dependency order.
    void flatten_into(std::vector<schema::Operation>& out) const;
};

// Comparators, one per object kind (compare_<kind>.cpp). Each compares the `from` and
// `to` versions of one table (already matched, renamed tables included) and fills
// the buckets. `to_ref` names the table as it is after the renames.
void compare_columns(const schema::Table& from, const schema::Table& to, const DiffRules& rules,
                     TableChanges& out);
void compare_primary_key(const schema::Table& from, const schema::Table& to, const DiffRules& rules,
                         TableChanges& out);
void compare_foreign_keys(const schema::Table& from, const schema::Table& to, const DiffRules& rules,
                          TableChanges& out);
void compare_uniques(const schema::Table& from, const schema::Table& to, const DiffRules& rules,
                     TableChanges& out);
void compare_checks(const schema::Table& from, const schema::Table& to, const DiffRules& rules,
                    TableChanges& out);
void compare_indexes(const schema::Table& from, const schema::Table& to, const DiffRules& rules,
                     TableChanges& out);
void compare_table_comment(const schema::Table& from, const schema::Table& to, TableChanges& out);

/// The column name in `from` that `to_column` corresponds to (its renamed_from when
/// that column exists in `from` and the new name does not).
std::string source_column_name(const schema::Table& from, const schema::Column& to_column);

}  // namespace autogen::diff
