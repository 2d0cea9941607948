// The SQLite rebuild strategy: the in-place/rebuild decision and the rebuild itself.
#include "codegen/sqlite_rebuild.hpp"

#include <algorithm>
#include <cctype>

#include "codegen/sql_builder.hpp"
#include "codegen/sqlite_ddl.hpp"
#include "codegen/tightening.hpp"
#include "support/overloaded.hpp"
#include "support/text.hpp"

namespace autogen::codegen::sqlite {

namespace {

using support::Overloaded;

bool contains(const std::vector<std::string>& v, const std::string& s) {
    return std::find(v.begin(), v.end(), s) != v.end();
}

// Does SQL text mention a name as an identifier? Conservative (a match inside a string
// literal also counts), which only costs a rebuild.
using support::mentions_identifier;

bool in_primary_key(const schema::Table& t, const std::string& column) {
    return t.primary_key && contains(t.primary_key->columns, column);
}

/// SQLite's ALTER TABLE ADD COLUMN rules (sqlite.org/lang_altertable.html).
bool can_add_column(const schema::Column& c, const schema::Table* after) {
    if (c.identity) return false;
    // A VIRTUAL generated column can be added (computed when read, NOT NULL included);
    // a STORED one cannot ("cannot add a STORED column").
    if (c.generated) return c.generated_virtual && !(after && in_primary_key(*after, c.name));
    if (after && in_primary_key(*after, c.name)) return false;
    if (!c.nullable && !(c.server_default && is_constant_default(*c.server_default) &&
                         support::to_lower(*c.server_default) != "null"))
        return false;
    if (c.server_default && !is_constant_default(*c.server_default)) return false;
    return true;
}

/// SQLite's ALTER TABLE DROP COLUMN rules: not part of a key, unique, index, foreign
/// key or check, and not referenced by another table's foreign key.
bool can_drop_column(const schema::Column& c, const schema::Table* before,
                     const schema::Schema& from) {
    if (!before) return false;
    if (in_primary_key(*before, c.name)) return false;
    for (const auto& u : before->uniques)
        if (contains(u.columns, c.name)) return false;
    for (const auto& fk : before->foreign_keys)
        if (contains(fk.columns, c.name)) return false;
    for (const auto& ix : before->indexes) {
        if (mentions_identifier(ix.where, c.name)) return false;
        for (const auto& item : ix.columns)
            if (item == c.name || (is_expression_item(item) && mentions_identifier(item, c.name)))
                return false;
    }
    for (const auto& ck : before->checks)
        if (mentions_identifier(ck.expression, c.name)) return false;
    for (const auto& other : before->columns)
        if (other.generated && other.name != c.name &&
            mentions_identifier(*other.generated, c.name))
            return false;
    for (const auto& other : from.tables)
        for (const auto& fk : other.foreign_keys)
            if (fk.ref_table == before->name && contains(fk.ref_columns, c.name)) return false;
    return true;
}

/// The rebuilt table's shape: `after` (its table options included: the models declare
/// them, and lowering refused any the shape does not allow), with the primary key's name
/// of `before` when `after` leaves the same key unnamed.
schema::Table with_kept_key_name(const schema::Table& before, const schema::Table& after) {
    schema::Table shape = after;
    // A key the target leaves unnamed (a model without a name) keeps the name the
    // database gave it: the rebuild changes what the models say, nothing else.
    if (shape.primary_key && shape.primary_key->name.empty() && before.primary_key &&
        before.primary_key->columns == shape.primary_key->columns)
        shape.primary_key->name = before.primary_key->name;
    return shape;
}

/// The views that read `table`, directly or through other such views, and the triggers
/// of other tables that read it or such a view, in creation order.
std::vector<const schema::SqlObject*> objects_reading(const std::vector<schema::SqlObject>& objects,
                                                      const std::string& table) {
    std::vector<std::string> read = {table};
    std::vector<const schema::SqlObject*> out;
    auto reads = [&](const schema::SqlObject& o) {
        return std::any_of(read.begin(), read.end(),
                           [&](const std::string& n) { return mentions_identifier(o.sql, n); });
    };
    for (bool grew = true; grew;) {
        grew = false;
        for (const auto& v : objects) {
            if (v.kind != schema::ObjectKind::View) continue;
            if (std::find(out.begin(), out.end(), &v) != out.end() || !reads(v)) continue;
            out.push_back(&v);
            read.push_back(v.name);
            grew = true;
        }
    }
    // A view's INSTEAD OF triggers go with it; a trigger on the rebuilt table goes with
    // DROP TABLE (rebuild_table creates those again itself).
    for (const auto& t : objects) {
        if (t.kind != schema::ObjectKind::Trigger || t.table == table) continue;
        const bool on_dropped_view = std::find(read.begin() + 1, read.end(), t.table) != read.end();
        if (on_dropped_view || reads(t)) out.push_back(&t);
    }
    std::sort(out.begin(), out.end());  // pointers into `objects`: creation order
    return out;
}

}  // namespace

bool alter_can_do(const schema::Operation& op, const schema::Table* before,
                  const schema::Table* after, const schema::Schema& from) {
    return std::visit(
        Overloaded{
            [](const schema::CreateTable&) { return true; },
            [](const schema::DropTable&) { return true; },
            [](const schema::RenameTable&) { return true; },
            [&](const schema::AddColumn& o) { return can_add_column(o.column, after); },
            [&](const schema::DropColumn& o) { return can_drop_column(o.column, before, from); },
            [](const schema::RenameColumn&) { return true; },
            // Only a comment change is nothing to SQLite; every other change of a
            // column's definition needs the table's CREATE statement rewritten.
            [](const schema::AlterColumn& o) { return (o.changes & ~schema::kChangeComment) == 0; },
            [](const schema::AlterPrimaryKey&) { return false; },
            [](const schema::AddForeignKey&) { return false; },
            [](const schema::DropForeignKey&) { return false; },
            [](const schema::AddUnique&) { return false; },
            [](const schema::DropUnique&) { return false; },
            [](const schema::AddCheck&) { return false; },
            [](const schema::DropCheck&) { return false; },
            // Never planned for SQLite (a model error); a rebuild would re-check every row.
            [](const schema::SetCheckValidity&) { return false; },
            [](const schema::AddExclusion&) { return false; },
            [](const schema::DropExclusion&) { return false; },
            [](const schema::CreateIndex&) { return true; },
            [](const schema::DropIndex&) { return true; },
            [](const schema::RenameConstraint& o) {
                return o.kind == schema::ConstraintKind::Index;
            },
            [](const schema::SetTableComment&) { return true; },
            [](const schema::SetObjectComment&) { return true; },
            // STRICT, WITHOUT ROWID and AUTOINCREMENT are in CREATE TABLE only.
            [](const schema::AlterTableOptions& o) {
                return o.from.strict == o.to.strict && o.from.without_rowid == o.to.without_rowid &&
                       o.from.autoincrement == o.to.autoincrement;
            },
            [](const schema::CreateEnum&) { return true; },
            [](const schema::DropEnum&) { return true; },
            [](const schema::AlterEnum&) { return true; },
            [](const schema::CreateObject&) { return true; },
            [](const schema::DropObject&) { return true; },
            [](const schema::ReplaceObject&) { return true; },
        },
        op);
}

std::vector<Statement> rebuild_table(const Rebuild& r) {
    const schema::Table& before = *r.before;
    const schema::Table& after = *r.after;
    const std::string scratch = kRebuildPrefix + after.name;
    std::vector<Statement> out;

    const schema::Table shape = with_kept_key_name(before, after);
    Statement create{.sql = create_table_sql(shape, scratch)};
    create.comment = "rebuild table \"" + after.name + "\" (SQLite cannot ALTER this in place)";
    for (std::size_t i = 0; i < r.reasons.size(); ++i)
        create.comment += (i ? ", " : ": ") + r.reasons[i];
    if (!r.warnings.empty()) {
        create.destructive = true;
        for (std::size_t i = 0; i < r.warnings.size(); ++i)
            create.warning += (i ? "; " : "") + r.warnings[i];
    }
    out.push_back(std::move(create));

    std::vector<std::string> targets, sources;
    for (const auto& c : after.columns) {
        // SQLite computes a generated column itself and refuses a value for it ("cannot
        // INSERT into generated column"); an ordinary column that was generated keeps
        // the computed values.
        if (c.generated) continue;
        auto it = r.sources.find(c.name);
        if (it == r.sources.end()) continue;
        const schema::Column* old = before.find_column(it->second);
        if (!old) continue;
        targets.push_back(c.name);
        std::string src = quote_identifier(old->name);
        // A column that becomes NOT NULL: its NULLs take the default instead of
        // failing the copy.
        if (!c.nullable && old->nullable && c.server_default)
            src = "COALESCE(" + src + ", " + default_clause_value(*c.server_default) + ")";
        // Without a default the copy fails on a NULL: say so, with the UPDATE to fill in
        // (data-safe tightening, the same as on PostgreSQL).
        if (!c.nullable && old->nullable && !c.server_default)
            out.front().comment +=
                "\n" + tightening_without_default_comment(quote_identifier(before.name), src);
        sources.push_back(src);
    }
    if (targets.empty() && !before.columns.empty()) {
        // Nothing to copy rows by: SQLite cannot keep them.
        out.front().destructive = true;
        out.front().warning += std::string(out.front().warning.empty() ? "" : "; ") +
                               "no column of " + quote_identifier(before.name) +
                               " is kept, so its rows are not copied";
    }
    if (!targets.empty()) {
        std::string select;
        for (std::size_t i = 0; i < sources.size(); ++i) select += (i ? ", " : "") + sources[i];
        out.push_back({.sql = "INSERT INTO " + quote_identifier(scratch) + " (" +
                              column_list(targets) + ") SELECT " + select + " FROM " +
                              quote_identifier(before.name)});
    }
    if (shape.options.autoincrement) {
        // AUTOINCREMENT never hands out a number again, even one whose row was deleted:
        // the new table continues the old table's high-water mark, not the copied rows'.
        // The larger of the old table's counter (if it had one) and the copied rows' largest key.
        std::string scratch_name = string_literal(scratch);
        out.push_back({.sql = "DELETE FROM sqlite_sequence WHERE name = " + scratch_name});
        out.push_back({.sql = "INSERT INTO sqlite_sequence (name, seq) SELECT " + scratch_name +
                              ", max(seq) FROM (SELECT seq FROM sqlite_sequence WHERE name = " +
                              string_literal(before.name) + " UNION ALL SELECT max(rowid) FROM " +
                              quote_identifier(scratch) + ") HAVING max(seq) IS NOT NULL"});
    }
    // Renaming the rebuilt table into place makes SQLite check every view and trigger:
    // those reading the table (and what reads them) go before the old table, and come
    // back at the end. A trigger on the table itself goes with DROP TABLE.
    const auto readers = objects_reading(r.objects, before.name);
    for (auto it = readers.rbegin(); it != readers.rend(); ++it) {
        const bool view = (*it)->kind == schema::ObjectKind::View;
        Statement s{.sql = std::string(view ? "DROP VIEW " : "DROP TRIGGER ") +
                           quote_identifier((*it)->name)};
        s.comment = "it reads \"" + before.name + "\": created again after the rebuild";
        out.push_back(std::move(s));
    }
    out.push_back({.sql = "DROP TABLE " + quote_identifier(before.name)});
    out.push_back({.sql = "ALTER TABLE " + quote_identifier(scratch) + " RENAME TO " +
                          quote_identifier(after.name)});
    for (const auto& ix : after.indexes) out.push_back({.sql = create_index_sql(after.name, ix)});
    // DROP TABLE took the table's triggers with it: create them again, as the database
    // stored them (those the plan drops or replaces are not in r.objects).
    for (const auto& trigger : r.objects) {
        if (trigger.kind != schema::ObjectKind::Trigger ||
            (trigger.table != before.name && trigger.table != r.renamed_from))
            continue;
        Statement s{.sql = trigger.sql};
        s.comment = "re-create trigger \"" + trigger.name + "\", dropped with the old table";
        out.push_back(std::move(s));
    }
    for (const auto* reader : readers) {
        Statement s{.sql = reader->sql};
        s.comment = "re-create " + std::string(schema::to_string(reader->kind)) + " \"" +
                    reader->name + "\", as the database stored it";
        out.push_back(std::move(s));
    }
    return out;
}

}  // namespace autogen::codegen::sqlite
