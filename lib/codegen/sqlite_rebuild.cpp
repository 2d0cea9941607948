// The SQLite rebuild strategy: the in-place/rebuild decision and the rebuild itself.
#include "codegen/sqlite_rebuild.hpp"

#include <algorithm>
#include <cctype>

#include "codegen/sql_builder.hpp"
#include "codegen/sqlite_ddl.hpp"
#include "codegen/tightening.hpp"

namespace autogen::codegen::sqlite {

namespace {

template <class... Ts>
struct Overloaded : Ts... { using Ts::operator()...; };
template <class... Ts>
Overloaded(Ts...) -> Overloaded<Ts...>;

bool contains(const std::vector<std::string>& v, const std::string& s) {
    return std::find(v.begin(), v.end(), s) != v.end();
}

std::string lower_ascii(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

/// Does the SQL text mention `name` as an identifier (bare or quoted)? Conservative:
/// a match inside a string literal also counts, which only costs a rebuild.
bool mentions(const std::string& sql, const std::string& name) {
    std::string s = lower_ascii(sql), n = lower_ascii(name);
    auto ident = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '$'; };
    for (std::size_t pos = s.find(n); pos != std::string::npos; pos = s.find(n, pos + 1)) {
        bool left = pos == 0 || !ident(s[pos - 1]);
        bool right = pos + n.size() >= s.size() || !ident(s[pos + n.size()]);
        if (left && right) return true;
    }
    return false;
}

bool in_primary_key(const schema::Table& t, const std::string& column) {
    return t.primary_key && contains(t.primary_key->columns, column);
}

/// SQLite's ALTER TABLE ADD COLUMN rules (sqlite.org/lang_altertable.html).
bool can_add_column(const schema::Column& c, const schema::Table* after) {
    if (c.identity) return false;
    if (after && in_primary_key(*after, c.name)) return false;
    if (!c.nullable && !(c.server_default && is_constant_default(*c.server_default) &&
                         lower_ascii(*c.server_default) != "null"))
        return false;
    if (c.server_default && !is_constant_default(*c.server_default)) return false;
    return true;
}

/// SQLite's ALTER TABLE DROP COLUMN rules: not part of a key, unique, index, foreign
/// key or check, and not referenced by another table's foreign key.
bool can_drop_column(const schema::Column& c, const schema::Table* before, const schema::Schema& from) {
    if (!before) return false;
    if (in_primary_key(*before, c.name)) return false;
    for (const auto& u : before->uniques)
        if (contains(u.columns, c.name)) return false;
    for (const auto& fk : before->foreign_keys)
        if (contains(fk.columns, c.name)) return false;
    for (const auto& ix : before->indexes) {
        if (mentions(ix.where, c.name)) return false;
        for (const auto& item : ix.columns)
            if (item == c.name || (is_expression_item(item) && mentions(item, c.name))) return false;
    }
    for (const auto& ck : before->checks)
        if (mentions(ck.expression, c.name)) return false;
    for (const auto& other : from.tables)
        for (const auto& fk : other.foreign_keys)
            if (fk.ref_table == before->name && contains(fk.ref_columns, c.name)) return false;
    return true;
}

}  // namespace

bool alter_can_do(const schema::Operation& op, const schema::Table* before, const schema::Table* after,
                  const schema::Schema& from) {
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
            [](const schema::CreateIndex&) { return true; },
            [](const schema::DropIndex&) { return true; },
            [](const schema::SetTableComment&) { return true; },
            [](const schema::CreateEnum&) { return true; },
            [](const schema::DropEnum&) { return true; },
            [](const schema::AlterEnum&) { return true; },
        },
        op);
}

std::vector<Statement> rebuild_table(const Rebuild& r) {
    const schema::Table& before = *r.before;
    const schema::Table& after = *r.after;
    const std::string scratch = kRebuildPrefix + after.name;
    std::vector<Statement> out;

    Statement create{.sql = create_table_sql(after, scratch)};
    create.comment = "rebuild table \"" + after.name + "\" (SQLite cannot ALTER this in place)";
    for (std::size_t i = 0; i < r.reasons.size(); ++i) create.comment += (i ? ", " : ": ") + r.reasons[i];
    if (!r.warnings.empty()) {
        create.destructive = true;
        for (std::size_t i = 0; i < r.warnings.size(); ++i) create.warning += (i ? "; " : "") + r.warnings[i];
    }
    out.push_back(std::move(create));

    std::vector<std::string> targets, sources;
    for (const auto& c : after.columns) {
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
            out.front().comment += "\n" + tightening_without_default_comment(quote_identifier(before.name), src);
        sources.push_back(src);
    }
    if (targets.empty() && !before.columns.empty()) {
        // Nothing to copy rows by: SQLite cannot keep them.
        out.front().destructive = true;
        out.front().warning += std::string(out.front().warning.empty() ? "" : "; ") + "no column of " +
                               quote_identifier(before.name) + " is kept, so its rows are not copied";
    }
    if (!targets.empty()) {
        std::string select;
        for (std::size_t i = 0; i < sources.size(); ++i) select += (i ? ", " : "") + sources[i];
        out.push_back({.sql = "INSERT INTO " + quote_identifier(scratch) + " (" + column_list(targets) + ") SELECT " +
                              select + " FROM " + quote_identifier(before.name)});
    }
    out.push_back({.sql = "DROP TABLE " + quote_identifier(before.name)});
    out.push_back({.sql = "ALTER TABLE " + quote_identifier(scratch) + " RENAME TO " + quote_identifier(after.name)});
    for (const auto& ix : after.indexes) out.push_back({.sql = create_index_sql(after.name, ix)});
    // DROP TABLE took the table's triggers with it: create them again, as the database
    // stored them. Models carry no triggers, so a downgrade (whose `before` is the model
    // side) takes them from `after`, the database side it returns to.
    const auto& triggers = !after.triggers.empty() ? after.triggers : before.triggers;
    for (const auto& trigger : triggers) {
        Statement s{.sql = trigger.sql};
        s.comment = "re-create trigger \"" + trigger.name + "\", dropped with the old table";
        out.push_back(std::move(s));
    }
    return out;
}

}  // namespace autogen::codegen::sqlite
