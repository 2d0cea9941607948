// PostgreSQL enum statements: create, drop, add labels, rename labels, rebuild.
#include "codegen/postgres_enums.hpp"

#include <algorithm>
#include <cctype>

#include "codegen/postgres_comments.hpp"
#include "codegen/postgres_ddl.hpp"
#include "codegen/postgres_lowering.hpp"
#include "codegen/sql_builder.hpp"
#include "schema/enum_labels.hpp"
#include "support/text.hpp"

namespace autogen::codegen::postgres {

using namespace schema;

namespace {

bool contains(const std::vector<std::string>& v, const std::string& s) {
    return std::find(v.begin(), v.end(), s) != v.end();
}

/// Does the SQL text mention `name` as an identifier (bare, any case, or quoted)?
/// Conservative: a match inside a string literal counts too, which only costs a
/// constraint dropped and added back.
bool mentions(const std::string& sql, const std::string& name) {
    std::string s = support::to_lower(sql), n = support::to_lower(name);
    auto ident = [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '$';
    };
    for (std::size_t pos = s.find(n); !n.empty() && pos != std::string::npos;
         pos = s.find(n, pos + 1)) {
        bool left = pos == 0 || !ident(s[pos - 1]);
        bool right = pos + n.size() >= s.size() || !ident(s[pos + n.size()]);
        if (left && right) return true;
    }
    return false;
}

bool uses_enum(const Column& c, const Enum& e) {
    if (c.type.logical == Logical::Enum)
        return c.type.enum_name == e.name;  // a lowered model column: the enum by name
    return names_enum(c.type.sql, e.schema, e.name);
}

/// Is `from` a subsequence of `to` (labels only added, none moved)?
bool only_added(const std::vector<std::string>& from, const std::vector<std::string>& to) {
    std::size_t i = 0;
    for (const auto& label : to)
        if (i < from.size() && from[i] == label) ++i;
    return i == from.size() && to.size() > from.size();
}

std::string label_list(const std::vector<std::string>& labels) {
    std::string out;
    for (std::size_t i = 0; i < labels.size(); ++i)
        out += (i ? ", " : "") + string_literal(labels[i]);
    return out;
}

std::vector<Statement> add_values(const AlterEnum& op) {
    std::vector<Statement> out;
    const auto& to = op.to.labels;
    for (std::size_t i = 0; i < to.size(); ++i) {
        if (contains(op.from.labels, to[i])) continue;
        std::string sql = "ALTER TYPE " + enum_sql(op.to) + " ADD VALUE " + string_literal(to[i]);
        // After the label before it (which exists by now), or before the first old one.
        if (i > 0)
            sql += " AFTER " + string_literal(to[i - 1]);
        else if (!op.from.labels.empty())
            sql += " BEFORE " + string_literal(op.from.labels.front());
        out.push_back({.sql = sql});
    }
    out.front().comment =
        "new labels cannot be used in the transaction that adds them (PostgreSQL)";
    return out;
}

std::vector<Statement> rebuild(const AlterEnum& op, const Schema& at, bool for_use) {
    const Enum& e = op.to;
    std::vector<std::string> removed;
    for (const auto& label : op.from.labels)
        if (!contains(e.labels, label)) removed.push_back(label);
    std::string old_name = "_autogen_old_" + e.name.substr(0, 63 - 13);
    std::string old_sql = qualified_name(e.schema == "public" ? "" : e.schema, old_name);

    std::vector<Statement> out;
    Statement rename{.sql = "ALTER TYPE " + enum_sql(op.from) + " RENAME TO " +
                            quote_identifier(old_name)};
    std::string why =
        !removed.empty() ? "ALTER TYPE cannot drop labels"
        : for_use
            ? "a label added by ALTER TYPE ... ADD VALUE cannot be used in the same transaction"
            : "ALTER TYPE cannot reorder labels";
    rename.comment = "rebuild enum " + enum_sql(e) + " (" + why + "): labels " +
                     label_list(op.from.labels) + " become " + label_list(e.labels);
    if (!removed.empty()) {
        rename.destructive = true;
        rename.warning = "drops label(s) " + label_list(removed) + " of enum " + enum_sql(e) +
                         ": rows holding them make the conversion fail; update them first";
    }
    out.push_back(std::move(rename));
    out.push_back({.sql = create_enum_sql(e)});
    for (auto& s : comment_of_enum(e)) out.push_back(std::move(s));  // the new type's

    // A foreign key whose columns are of the enum joins two columns of it (a key's column
    // types must match): retyped one at a time, the key would join the new type to the
    // old one, which PostgreSQL refuses (42804). Dropped before the first column changes
    // type, added back after the last.
    std::vector<std::pair<TableRef, const ForeignKey*>> keys;
    for (const Table& t : at.tables)
        for (const auto& fk : t.foreign_keys)
            if (std::any_of(fk.columns.begin(), fk.columns.end(), [&](const std::string& name) {
                    const Column* c = t.find_column(name);
                    return c && uses_enum(*c, op.from);
                }))
                keys.emplace_back(ref(t), &fk);
    for (const auto& [tr, fk] : keys)
        out.push_back({.sql = "ALTER TABLE " + table_sql(tr) + " DROP CONSTRAINT " +
                              quote_identifier(fk->name)});

    for (const Table& t : at.tables) {
        std::vector<const Column*> columns;
        for (const auto& c : t.columns)
            if (uses_enum(c, op.from)) columns.push_back(&c);
        if (columns.empty()) continue;
        TableRef tr = ref(t);
        auto mentioned = [&](const std::string& sql) {
            return std::any_of(columns.begin(), columns.end(),
                               [&](const Column* c) { return mentions(sql, c->name); });
        };
        // Checks and expression or partial indexes over the column hold the old type in
        // their stored form; PostgreSQL cannot carry them across the type change.
        std::vector<const CheckConstraint*> checks;
        std::vector<const Index*> indexes;
        for (const auto& ck : t.checks)
            if (mentioned(ck.expression)) checks.push_back(&ck);
        for (const auto& ix : t.indexes) {
            bool expr = mentioned(ix.where);
            for (const auto& item : ix.columns)
                expr = expr || (is_expression_item(item) && mentioned(item));
            if (expr) indexes.push_back(&ix);
        }
        std::string alter = "ALTER TABLE " + table_sql(tr) + " ";
        for (const auto* ck : checks)
            out.push_back({.sql = alter + "DROP CONSTRAINT " + quote_identifier(ck->name)});
        for (const auto* ix : indexes) out.push_back({.sql = drop_index_sql(tr, *ix)});
        for (const Column* c : columns) {
            std::string col = alter + "ALTER COLUMN " + quote_identifier(c->name) + " ";
            if (c->server_default) out.push_back({.sql = col + "DROP DEFAULT"});
            out.push_back({.sql = col + "TYPE " + enum_sql(e) + " USING " +
                                  quote_identifier(c->name) + "::text::" + enum_sql(e)});
            bool default_kept =
                c->server_default &&
                std::none_of(removed.begin(), removed.end(), [&](const std::string& l) {
                    return c->server_default->find(string_literal(l)) != std::string::npos;
                });
            if (default_kept) out.push_back({.sql = col + "SET DEFAULT " + *c->server_default});
        }
        for (const auto* ck : checks) {
            out.push_back({.sql = add_check_sql(tr, *ck, ck->not_valid)});
            for (auto& s : comment_of_check(tr, *ck)) out.push_back(std::move(s));
        }
        for (const auto* ix : indexes) {
            out.push_back({.sql = create_index_sql(tr, *ix)});
            for (auto& s : comment_of_index(tr, *ix)) out.push_back(std::move(s));
        }
    }
    for (const auto& [tr, fk] : keys) {
        out.push_back({.sql = "ALTER TABLE " + table_sql(tr) + " ADD " + foreign_key_clause(*fk)});
        for (auto& s : comment_of_constraint(tr, fk->name, fk->comment))
            out.push_back(std::move(s));
    }
    out.push_back({.sql = "DROP TYPE " + old_sql});
    return out;
}

}  // namespace

std::string enum_sql(const Enum& e) { return enum_type_sql(e.schema, e.name); }

std::string create_enum_sql(const Enum& e) {
    return "CREATE TYPE " + enum_sql(e) + " AS ENUM (" + label_list(e.labels) + ")";
}

std::vector<std::string> added_labels(const AlterEnum& op) {
    std::vector<std::string> out;
    for (const auto& label : op.to.labels)
        if (!contains(op.from.labels, label)) out.push_back(label);
    return out;
}

std::vector<Statement> alter_enum(const AlterEnum& op, const Schema& at, bool rebuild_for_use) {
    if (only_added(op.from.labels, op.to.labels) && !rebuild_for_use) return add_values(op);
    auto renamed = schema::renamed_positions(op.from.labels, op.to.labels);
    if (!renamed.empty()) {
        std::vector<Statement> out;
        for (std::size_t i : renamed)
            out.push_back({.sql = "ALTER TYPE " + enum_sql(op.to) + " RENAME VALUE " +
                                  string_literal(op.from.labels[i]) + " TO " +
                                  string_literal(op.to.labels[i])});
        out.front().comment =
            "a label replaced in place is renamed: rows keep their value under the new label";
        return out;
    }
    return rebuild(op, at, rebuild_for_use);
}

}  // namespace autogen::codegen::postgres
