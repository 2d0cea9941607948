// The per-table buckets the comparators fill; differ.cpp flattens them in the one
// order that keeps every dependency satisfied (drops of dependents before changes,
// additions after).
#pragma once

#include <map>
#include <string>
#include <vector>

#include "diff/diff_rules.hpp"
#include "schema/operation.hpp"

namespace autogen::diff {

struct TableChanges {
    std::vector<schema::Operation> drop_dependents;  ///< indexes, FKs, uniques, checks going away
    std::vector<schema::Operation> renames;          ///< column renames
    std::vector<schema::Operation> columns;          ///< add / alter columns, primary key changes
    std::vector<schema::Operation> drop_columns;
    std::vector<schema::Operation> add_dependents;  ///< uniques, checks, FKs, indexes coming in
    std::vector<schema::Operation> other;           ///< comments, table options

    /// Appends every bucket to `out` in dependency order.
    void flatten_into(std::vector<schema::Operation>& out) const;
};

// Comparators, one per object kind (compare_<kind>.cpp). Each compares the `from` and
// `to` versions of one table (already matched, renamed tables included) and fills
// the buckets.
void compare_columns(const schema::Table& from, const schema::Table& to, const DiffRules& rules,
                     TableChanges& out);
void compare_table_comment(const schema::Table& from, const schema::Table& to, TableChanges& out);
void compare_table_options(const schema::Table& from, const schema::Table& to, TableChanges& out);

/// The `from` side of a table pair for the key and constraint comparators: `renamed`
/// has the column names translated to their names in `to` (so that a constraint over a
/// renamed column matches), `original` is the table as it is before the change. They
/// hold the same objects in the same order; operations that drop or replace an object
/// carry the original, so that their reverse (the downgrade) names the old columns.
struct FromTable {
    const schema::Table& original;
    const schema::Table& renamed;
};
void compare_primary_key(FromTable from, const schema::Table& to, const DiffRules& rules,
                         TableChanges& out);
void compare_foreign_keys(FromTable from, const schema::Table& to, const DiffRules& rules,
                          TableChanges& out);
void compare_uniques(FromTable from, const schema::Table& to, const DiffRules& rules,
                     TableChanges& out);
void compare_checks(FromTable from, const schema::Table& to, const DiffRules& rules,
                    TableChanges& out);
/// Exclusion constraints by name: a new definition or predicate is drop + add.
void compare_exclusions(FromTable from, const schema::Table& to, TableChanges& out);
void compare_indexes(FromTable from, const schema::Table& to, const DiffRules& rules,
                     TableChanges& out);
/// Comments on the keys, indexes and constraints that stay (compare_comments.cpp); runs
/// after the comparators above, whose additions and renames it reads from `out`.
void compare_object_comments(FromTable from, const schema::Table& to, TableChanges& out);

/// The enum operations of a diff, by when they run (compare_enums.cpp).
struct EnumChanges {
    std::vector<schema::Operation> before_tables;  ///< new enums, labels added or renamed in place
    std::vector<schema::Operation>
        after_tables;  ///< labels removed (with the reorder that comes with it), dropped enums
    /// Labels renamed in place, per enum name: old label -> new label. A database with
    /// enum types renames the values and the defaults that hold them along.
    std::map<std::string, std::map<std::string, std::string>> renamed_labels;
};
EnumChanges compare_enums(const schema::Schema& from, const schema::Schema& to);

/// The operations on declared objects (views ...) of a diff, by when they run
/// (compare_objects.cpp). Empty unless a side declares objects (Schema::declares_objects).
/// Objects that read tables (views, triggers) go first and come back last; objects that
/// tables need (schema::precedes_tables: extensions, domains, functions a default calls)
/// come before the table changes and go after them.
struct ObjectChanges {
    /// Drops of objects that read tables, readers before what they read: before everything.
    std::vector<schema::Operation> first;
    /// Objects tables need: re-created ones dropped, then creations and in-place
    /// replacements, after the new enums and before the table changes.
    std::vector<schema::Operation> before_tables;
    /// Drops of objects tables needed, after the table changes (before the enums go).
    std::vector<schema::Operation> after_tables;
    /// Creations and in-place replacements of objects that read tables: after everything.
    std::vector<schema::Operation> last;
};
/// `table_ops`: the diff's operations on tables and enums, which decide the objects that
/// must be dropped and created again around them.
ObjectChanges compare_objects(const schema::Schema& from, const schema::Schema& to,
                              const std::vector<schema::Operation>& table_ops,
                              const DiffRules& rules);

/// The column name in `from` that `to_column` corresponds to (its renamed_from when
/// that column exists in `from` and the new name does not).
std::string source_column_name(const schema::Table& from, const schema::Column& to_column);

}  // namespace autogen::diff
