// Applies operations to a Schema, as PostgreSQL would apply their statements.
#include "codegen/postgres_plan_state.hpp"

#include <algorithm>

#include "codegen/postgres_lowering.hpp"
#include "codegen/sql_builder.hpp"
#include "schema/enum_labels.hpp"
#include "support/overloaded.hpp"

namespace autogen::codegen::postgres {

using namespace schema;

namespace {

using support::Overloaded;

template <class T>
void erase_named(std::vector<T>& items, const std::string& name) {
    items.erase(
        std::remove_if(items.begin(), items.end(), [&](const T& x) { return x.name == name; }),
        items.end());
}

void rename_in(std::vector<std::string>& names, const std::string& from, const std::string& to) {
    for (auto& n : names)
        if (n == from) n = to;
}

void name_primary_key(Table& t) {
    if (t.primary_key && t.primary_key->name.empty())
        t.primary_key->name = default_primary_key_name(t.name);
}

template <class T>
void rename_named(std::vector<T>& items, const std::string& from, const std::string& to) {
    for (auto& x : items)
        if (x.name == from) x.name = to;
}

void rename_constraint(Table& t, const RenameConstraint& o) {
    switch (o.kind) {
        case ConstraintKind::Unique:
            return rename_named(t.uniques, o.from, o.to);
        case ConstraintKind::ForeignKey:
            return rename_named(t.foreign_keys, o.from, o.to);
        case ConstraintKind::Check:
            return rename_named(t.checks, o.from, o.to);
        case ConstraintKind::Index:
            return rename_named(t.indexes, o.from, o.to);
    }
}

template <class T>
void comment_named(std::vector<T>& items, const std::string& name, const std::string& comment) {
    for (auto& x : items)
        if (x.name == name) x.comment = comment;
}

/// The comment of `t`'s index or constraint `name` (names are unique among them).
void set_comment(Table& t, const std::string& name, const std::string& comment) {
    if (t.primary_key && t.primary_key->name == name) t.primary_key->comment = comment;
    comment_named(t.foreign_keys, name, comment);
    comment_named(t.uniques, name, comment);
    comment_named(t.checks, name, comment);
    comment_named(t.exclusions, name, comment);
    comment_named(t.indexes, name, comment);
}

}  // namespace

PlanState::PlanState(Schema from) : schema_(std::move(from)) {
    for (auto& t : schema_.tables) name_primary_key(t);
}

std::string PlanState::primary_key_name(const TableRef& table) {
    const Table* t = find(table);
    return t && t->primary_key ? t->primary_key->name : std::string();
}

void PlanState::apply(const Operation& op) {
    Table* t = std::holds_alternative<CreateTable>(op) || std::holds_alternative<CreateEnum>(op) ||
                       std::holds_alternative<DropEnum>(op) || std::holds_alternative<AlterEnum>(op)
                   ? nullptr
                   : find(target_table(op));
    auto& tables = schema_.tables;
    std::visit(
        Overloaded{
            [&](const CreateTable& o) {
                tables.push_back(o.table);
                name_primary_key(tables.back());
            },
            [&](const DropTable& o) {
                tables.erase(std::remove_if(tables.begin(), tables.end(),
                                            [&](const Table& x) { return ref(x) == ref(o.table); }),
                             tables.end());
            },
            [&](const RenameTable& o) {
                if (!t) return;
                if (t->primary_key && t->primary_key->name == default_primary_key_name(t->name))
                    t->primary_key->name = default_primary_key_name(o.to);
                for (auto& other : tables)
                    for (auto& fk : other.foreign_keys)
                        if (fk.ref_table == t->name && fk.ref_schema == t->schema)
                            fk.ref_table = o.to;
                t->name = o.to;
            },
            [&](const AddColumn& o) {
                if (t) t->columns.push_back(o.column);
            },
            [&](const DropColumn& o) {
                if (t) erase_named(t->columns, o.column.name);
            },
            [&](const RenameColumn& o) {
                if (!t) return;
                if (Column* c = t->find_column(o.from)) c->name = o.to;
                if (t->primary_key) rename_in(t->primary_key->columns, o.from, o.to);
                for (auto& u : t->uniques) rename_in(u.columns, o.from, o.to);
                for (auto& fk : t->foreign_keys) rename_in(fk.columns, o.from, o.to);
                for (auto& ix : t->indexes) {
                    rename_in(ix.columns, o.from, o.to);
                    rename_in(ix.include, o.from, o.to);
                }
            },
            [&](const AlterColumn& o) {
                if (!t) return;
                if (Column* c = t->find_column(o.to.name)) *c = o.to;
            },
            [&](const AlterPrimaryKey& o) {
                if (!t) return;
                t->primary_key = o.to;
                name_primary_key(*t);
            },
            [&](const AddForeignKey& o) {
                if (t) t->foreign_keys.push_back(o.key);
            },
            [&](const DropForeignKey& o) {
                if (t) erase_named(t->foreign_keys, o.key.name);
            },
            [&](const AddUnique& o) {
                if (t) t->uniques.push_back(o.unique);
            },
            [&](const DropUnique& o) {
                if (t) erase_named(t->uniques, o.unique.name);
            },
            [&](const AddCheck& o) {
                if (t) t->checks.push_back(o.check);
            },
            [&](const DropCheck& o) {
                if (t) erase_named(t->checks, o.check.name);
            },
            [&](const AddExclusion& o) {
                if (t) t->exclusions.push_back(o.exclusion);
            },
            [&](const DropExclusion& o) {
                if (t) erase_named(t->exclusions, o.exclusion.name);
            },
            [&](const SetCheckValidity& o) {
                if (!t) return;
                for (auto& ck : t->checks)
                    if (ck.name == o.check.name) ck.not_valid = o.check.not_valid;
            },
            [&](const CreateIndex& o) {
                if (t) t->indexes.push_back(o.index);
            },
            [&](const DropIndex& o) {
                if (t) erase_named(t->indexes, o.index.name);
            },
            [&](const RenameConstraint& o) {
                if (t) rename_constraint(*t, o);
            },
            [&](const SetTableComment& o) {
                if (t) t->comment = o.to;
            },
            [&](const SetObjectComment& o) {
                if (o.target == CommentTarget::Type) {
                    for (auto& e : schema_.enums)
                        if (e.name == o.name && e.schema == o.table.schema) e.comment = o.to;
                } else if (t && o.target != CommentTarget::Object) {  // objects: not tracked
                    set_comment(*t, o.name, o.to);
                }
            },
            [&](const AlterTableOptions& o) {
                if (t) t->options = o.to;
            },
            [&](const CreateEnum& o) { schema_.enums.push_back(o.type); },
            [&](const DropEnum& o) {
                auto& e = schema_.enums;
                e.erase(std::remove_if(e.begin(), e.end(),
                                       [&](const Enum& x) {
                                           return x.name == o.type.name &&
                                                  x.schema == o.type.schema;
                                       }),
                        e.end());
            },
            [&](const AlterEnum& o) {
                for (auto& e : schema_.enums)
                    if (e.name == o.from.name && e.schema == o.from.schema) e = o.to;
                // RENAME VALUE renames the label in the defaults holding it ('old'::type)
                // too: a later rebuild of the type sets them again as they read now.
                for (std::size_t i : renamed_positions(o.from.labels, o.to.labels)) {
                    const std::string old_literal = string_literal(o.from.labels[i]);
                    for (auto& table : tables)
                        for (auto& c : table.columns) {
                            if (c.type.enum_name != o.from.name || !c.server_default) continue;
                            std::string& d = *c.server_default;
                            if (d == old_literal || d.rfind(old_literal + "::", 0) == 0)
                                d = string_literal(o.to.labels[i]) + d.substr(old_literal.size());
                        }
                }
            },
            // Nothing a later statement of the plan reads: objects are created last.
            [](const CreateObject&) {},
            [](const DropObject&) {},
            [](const ReplaceObject&) {},
        },
        op);
}

}  // namespace autogen::codegen::postgres
