// Comparator for columns: renames (declared with renamed_from), additions, drops and
// alterations (type, nullability, default, identity, generation, collation, comment).
#include <algorithm>
#include <map>

#include "diff/table_changes.hpp"
#include "support/sql_renames.hpp"

namespace autogen::diff {

using namespace schema;

std::string source_column_name(const Table& from, const Column& to_column) {
    if (from.find_column(to_column.name)) return to_column.name;
    if (!to_column.renamed_from.empty() && from.find_column(to_column.renamed_from)) {
        return to_column.renamed_from;
    }
    return to_column.name;
}

namespace {

std::uint32_t column_changes(const Column& a, const Column& b, const DiffRules& rules) {
    std::uint32_t changes = 0;
    if (!rules.same_type(a, b)) changes |= kChangeType;
    if (a.nullable != b.nullable) changes |= kChangeNullability;
    if (!rules.same_default(a.server_default, b.server_default)) changes |= kChangeDefault;
    if (a.identity != b.identity || (a.identity && a.identity_always != b.identity_always))
        changes |= kChangeIdentity;
    if (a.generated.has_value() != b.generated.has_value() ||
        (a.generated && (a.generated_virtual != b.generated_virtual ||
                         !rules.same_expression(*a.generated, *b.generated))))
        changes |= kChangeGenerated;
    if (a.collation != b.collation) changes |= kChangeCollation;
    if (a.comment != b.comment) changes |= kChangeComment;
    return changes;
}

}  // namespace

void compare_columns(const Table& from, const Table& to, const DiffRules& rules,
                     TableChanges& out) {
    TableRef table = ref(to);
    std::vector<std::string> matched;            // names in `from` that found a partner
    std::map<std::string, std::string> renamed;  // old column name -> new
    for (const Column& column : to.columns)
        if (std::string source = source_column_name(from, column); source != column.name)
            renamed[source] = column.name;
    for (const Column& column : to.columns) {
        std::string source = source_column_name(from, column);
        const Column* old = from.find_column(source);
        if (!old) {
            out.columns.push_back(AddColumn{table, column});
            continue;
        }
        matched.push_back(source);
        if (source != column.name) out.renames.push_back(RenameColumn{table, source, column.name});
        Column before = *old;
        before.name = column.name;  // compare the definition after the rename
        const Column& after = column;
        // A generated expression that reads a renamed column is compared in the new names
        // where RENAME COLUMN rewrites it (were it a change, the downgrade would add it
        // back reading the old name before the rename back).
        Column compared = before;
        if (compared.generated && rules.renames_in_generated_expressions())
            compared.generated = support::with_names_renamed(*compared.generated, renamed);
        auto changes = column_changes(compared, after, rules);
        // PostgreSQL's defaults filled in on both sides: an option left out is its default.
        if (before.identity && after.identity &&
            effective_identity_options(before.identity_options, after.type) !=
                effective_identity_options(after.identity_options, after.type))
            changes |= kChangeIdentityOptions;
        if (changes) out.columns.push_back(AlterColumn{table, before, after, changes});
    }
    for (const Column& column : from.columns) {
        if (std::find(matched.begin(), matched.end(), column.name) == matched.end()) {
            out.drop_columns.push_back(DropColumn{table, column});
        }
    }
    // Generated columns are dropped before the columns they may read (a database refuses
    // to drop a column a generated column depends on); the downgrade, reversed, adds them
    // after.
    std::stable_partition(out.drop_columns.begin(), out.drop_columns.end(), [](const auto& op) {
        const auto* d = std::get_if<DropColumn>(&op);
        return d && d->column.generated.has_value();
    });
}

void compare_table_comment(const Table& from, const Table& to, TableChanges& out) {
    if (from.comment != to.comment)
        out.other.push_back(SetTableComment{ref(to), from.comment, to.comment});
}

}  // namespace autogen::diff
