// PostgreSQL COMMENT ON for indexes, constraints, enum types and declared objects
// (postgres_comments.hpp).
#include "codegen/postgres_comments.hpp"

#include "codegen/postgres_ddl.hpp"
#include "codegen/postgres_lowering.hpp"
#include "codegen/sql_builder.hpp"
#include "schema/view_column_comments.hpp"
#include "support/overloaded.hpp"

namespace autogen::codegen::postgres {

using namespace schema;

namespace {

/// `set` as a statement, or none when there is no comment to give a new object.
Statements when_set(const SetObjectComment& set) {
    if (set.to.empty() || set.name.empty()) return {};
    return {{.sql = comment_on_sql(set)}};
}

/// What COMMENT ON names for a declared object: its kind's words and its name (a
/// routine's with its argument types, a trigger's and a policy's with ON its table).
std::string declared_object_target(const SetObjectComment& o) {
    if (!o.column.empty())  // a declared view's column
        return "COLUMN " + qualified_name(o.table.schema, o.name) + "." +
               quote_identifier(o.column);
    const std::string kind = to_upper_kind(o.object_kind);
    switch (o.object_kind) {
        case ObjectKind::Trigger:
        case ObjectKind::Policy:
            return kind + " " + quote_identifier(o.name) + " ON " + table_sql(o.table);
        case ObjectKind::Extension:
        case ObjectKind::Schema:
            return kind + " " + quote_identifier(o.name);
        case ObjectKind::Function:
        case ObjectKind::Procedure:
            return kind + " " + qualified_name(o.table.schema, o.name) + o.signature;
        case ObjectKind::Partition:
            return "TABLE " + qualified_name(o.table.schema, o.name);
        default:
            return kind + " " + qualified_name(o.table.schema, o.name);
    }
}

void append(Statements& out, Statements more) {
    for (auto& s : more) out.push_back(std::move(s));
}

/// A declared object's comment after its CREATE, or none (a grant has none), then its
/// columns' (a view's).
Statements comment_of_object(const SqlObject& o) {
    if (!takes_comment(o.kind)) return {};
    Statements out = when_set(object_comment(o, "", o.comment));
    for (const auto& c : column_comment_changes(SqlObject{.kind = o.kind}, o))
        append(out, when_set(c));
    return out;
}

}  // namespace

std::string comment_on_sql(const SetObjectComment& o) {
    std::string target;
    switch (o.target) {
        case CommentTarget::Index:
            target = "INDEX " + qualified_name(o.table.schema, o.name);
            break;
        case CommentTarget::Constraint:
            target = "CONSTRAINT " + quote_identifier(o.name) + " ON " + table_sql(o.table);
            break;
        case CommentTarget::Type:
            target = "TYPE " + enum_type_sql(o.table.schema, o.name);
            break;
        case CommentTarget::Object:
            target = declared_object_target(o);
            break;
    }
    return "COMMENT ON " + target + " IS " + (o.to.empty() ? "NULL" : string_literal(o.to));
}

Statements comment_of_constraint(const TableRef& table, const std::string& name,
                                 const std::string& comment) {
    return when_set({table, CommentTarget::Constraint, name, "", comment});
}

Statements comment_of_index(const TableRef& table, const Index& index) {
    return when_set({table, CommentTarget::Index, index.name, "", index.comment});
}

Statements comment_of_check(const TableRef& table, const CheckConstraint& check) {
    return comment_of_constraint(table, check.name, check.comment);
}

Statements comment_of_enum(const Enum& e) {
    return when_set({TableRef{e.schema, ""}, CommentTarget::Type, e.name, "", e.comment});
}

Statements comments_of_table(const Table& t) {
    const TableRef tr = ref(t);
    Statements out;
    // An unnamed primary key gets PostgreSQL's name, "<table>_pkey".
    if (t.primary_key)
        append(out,
               comment_of_constraint(tr,
                                     t.primary_key->name.empty() ? default_primary_key_name(t.name)
                                                                 : t.primary_key->name,
                                     t.primary_key->comment));
    for (const auto& k : t.foreign_keys) append(out, comment_of_constraint(tr, k.name, k.comment));
    for (const auto& u : t.uniques) append(out, comment_of_constraint(tr, u.name, u.comment));
    for (const auto& c : t.checks) append(out, comment_of_check(tr, c));
    for (const auto& x : t.exclusions) append(out, comment_of_constraint(tr, x.name, x.comment));
    for (const auto& ix : t.indexes) append(out, comment_of_index(tr, ix));
    return out;
}

Statements comments_after(const Operation& op) {
    return std::visit(
        support::Overloaded{
            [](const CreateTable& o) { return comments_of_table(o.table); },
            [](const CreateIndex& o) { return comment_of_index(o.table, o.index); },
            [](const AddForeignKey& o) {
                return comment_of_constraint(o.table, o.key.name, o.key.comment);
            },
            [](const AddUnique& o) {
                return comment_of_constraint(o.table, o.unique.name, o.unique.comment);
            },
            [](const AddCheck& o) { return comment_of_check(o.table, o.check); },
            [](const AddExclusion& o) {
                return comment_of_constraint(o.table, o.exclusion.name, o.exclusion.comment);
            },
            // Created again with another definition (a rename keeps its comment).
            [](const AlterPrimaryKey& o) {
                if (!o.to || is_primary_key_rename(o) ||
                    (o.from && o.from->columns == o.to->columns))
                    return Statements{};
                return comment_of_constraint(
                    o.table,
                    o.to->name.empty() ? default_primary_key_name(o.table.name) : o.to->name,
                    o.to->comment);
            },
            [](const CreateEnum& o) { return comment_of_enum(o.type); },
            [](const CreateObject& o) { return comment_of_object(o.object); },
            // CREATE OR REPLACE and ALTER keep the comment: a new one is set apart.
            [](const ReplaceObject& o) {
                Statements out;
                if (!takes_comment(o.to.kind)) return out;
                if (o.from.comment != o.to.comment)
                    out.push_back({.sql = comment_on_sql(
                                       object_comment(o.to, o.from.comment, o.to.comment))});
                // CREATE OR REPLACE VIEW keeps the columns it keeps, and their comments.
                for (const auto& c : column_comment_changes(o.from, o.to))
                    out.push_back({.sql = comment_on_sql(c)});
                return out;
            },
            [](const auto&) { return Statements{}; },
        },
        op);
}

}  // namespace autogen::codegen::postgres
