// The closed set of schema operations the differ emits and the planners render.
// Operations are data: they never hold SQL. Adding a kind to `Operation` makes every
// std::visit that does not handle it a compile error (no default cases on purpose).
#pragma once

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "schema/schema.hpp"

namespace autogen::schema {

/// Names a table inside a schema.
struct TableRef {
    std::string schema;
    std::string name;
    bool operator==(const TableRef&) const = default;
};
TableRef ref(const Table& t);

struct CreateTable {
    Table table;
};
struct DropTable {
    Table table;
};  ///< carries the whole table so the drop can be reversed
struct RenameTable {
    TableRef from;
    std::string to;
};

struct AddColumn {
    TableRef table;
    Column column;
};
struct DropColumn {
    TableRef table;
    Column column;
};
struct RenameColumn {
    TableRef table;
    std::string from;
    std::string to;
};

/// What an AlterColumn changes; a bit set.
enum ColumnChange : std::uint32_t {
    kChangeType = 1u << 0,
    kChangeNullability = 1u << 1,
    kChangeDefault = 1u << 2,
    kChangeIdentity = 1u << 3,
    kChangeCollation = 1u << 4,
    kChangeComment = 1u << 5,
    /// The generation expression, or STORED/VIRTUAL, or a column becoming generated or
    /// ordinary (Column::generated).
    kChangeGenerated = 1u << 6,
    /// An identity column's sequence options (Column::identity_options): ALTER COLUMN ...
    /// SET START WITH ... in place. The AlterColumn's `to` holds every option to set.
    kChangeIdentityOptions = 1u << 7,
};
struct AlterColumn {
    TableRef table;
    Column from;
    Column to;
    std::uint32_t changes = 0;  ///< ColumnChange bits
};

struct AlterPrimaryKey {
    TableRef table;
    std::optional<PrimaryKey> from;
    std::optional<PrimaryKey> to;
};

struct AddForeignKey {
    TableRef table;
    ForeignKey key;
};
struct DropForeignKey {
    TableRef table;
    ForeignKey key;
};
struct AddUnique {
    TableRef table;
    UniqueConstraint unique;
};
struct DropUnique {
    TableRef table;
    UniqueConstraint unique;
};
struct AddCheck {
    TableRef table;
    CheckConstraint check;
};
struct DropCheck {
    TableRef table;
    CheckConstraint check;
};
struct AddExclusion {
    TableRef table;
    ExclusionConstraint exclusion;
};
struct DropExclusion {
    TableRef table;
    ExclusionConstraint exclusion;
};
/// A check whose definition stays and whose validity changes: `check` as it is after
/// (not_valid false: VALIDATE CONSTRAINT; true: dropped and added again NOT VALID).
struct SetCheckValidity {
    TableRef table;
    CheckConstraint check;
};
struct CreateIndex {
    TableRef table;
    Index index;
};
struct DropIndex {
    TableRef table;
    Index index;
};

/// Which object a RenameConstraint renames.
enum class ConstraintKind { Unique, ForeignKey, Check, Index };

/// A unique constraint, foreign key, check or index whose definition stays and whose
/// name changes (the primary key's rename is an AlterPrimaryKey over the same columns).
struct RenameConstraint {
    TableRef table;
    ConstraintKind kind = ConstraintKind::Index;
    std::string from;
    std::string to;
    /// For an index: its definition under the new name, for a database that renames an
    /// index by dropping and creating it again.
    Index index;
};

struct SetTableComment {
    TableRef table;
    std::string from;
    std::string to;
};

/// STRICT / WITHOUT ROWID / AUTOINCREMENT (SQLite: a table rebuild), UNLOGGED or storage
/// parameters (PostgreSQL: ALTER TABLE ... SET) differ.
struct AlterTableOptions {
    TableRef table;
    TableOptions from;
    TableOptions to;
};

struct CreateEnum {
    Enum type;
};
struct DropEnum {
    Enum type;
};
struct AlterEnum {
    Enum from;
    Enum to;
};  ///< labels added, removed, renamed or reordered

/// A view (or another SqlObject) created, dropped, or replaced in place: the database
/// keeps the object's identity, its dependants and its grants (CREATE OR REPLACE VIEW
/// with the same result columns). The differ asks the dialect whether a change can be
/// made in place (DiffRules::replaces_in_place); when not, it is a drop and a create.
struct CreateObject {
    SqlObject object;
    /// Why an object whose definition may not change is created again after being dropped
    /// (it reads a table or view that changes under it); empty for a new object.
    std::string recreated_because;
};
struct DropObject {
    SqlObject object;
    std::string recreated_because;  ///< see CreateObject: dropped only to be created again
};
struct ReplaceObject {
    SqlObject from;
    SqlObject to;
};

/// What a SetObjectComment comments on: an index, a constraint, an enum type, or an
/// object declared in SQL (SqlObject: a view, function, domain, trigger ...).
enum class CommentTarget { Index, Constraint, Type, Object };

/// The comment on an index, a constraint (primary key included), an enum type or a
/// declared object changes while the object stays (COMMENT ON ... IS; SQLite keeps none).
/// An object created or created again carries its comment in its own operation; a
/// renamed or replaced one keeps it.
struct SetObjectComment {
    /// an index's or constraint's table; a type's or declared object's schema in
    /// `table.schema`, and a trigger's or policy's table in `table.name`
    TableRef table;
    CommentTarget target = CommentTarget::Index;
    std::string name;  ///< the index, constraint, type or declared object
    std::string from;
    std::string to;
    ObjectKind object_kind = ObjectKind::View;  ///< CommentTarget::Object: its kind
    /// A declared function's or procedure's routine_signature ("(integer, text)"), or "".
    std::string signature;
    /// COMMENT ON COLUMN of a declared view or materialized view (CommentTarget::Object):
    /// the column; empty for a comment on the object itself.
    std::string column;
};

/// The SetObjectComment that changes declared object `o`'s comment from `from` to `to`.
SetObjectComment object_comment(const SqlObject& o, std::string from, std::string to);
/// The declared object a CommentTarget::Object comment is on: its kind, schema, name,
/// table and arguments (what names it: SqlObject::identity), no statement.
SqlObject commented_object(const SetObjectComment& c);

using Operation =
    std::variant<CreateTable, DropTable, RenameTable, AddColumn, DropColumn, RenameColumn,
                 AlterColumn, AlterPrimaryKey, AddForeignKey, DropForeignKey, AddUnique, DropUnique,
                 AddCheck, DropCheck, CreateIndex, DropIndex, SetTableComment, CreateEnum, DropEnum,
                 AlterEnum, RenameConstraint, AlterTableOptions, SetCheckValidity, CreateObject,
                 DropObject, ReplaceObject, AddExclusion, DropExclusion, SetObjectComment>;

/// The operation that undoes `op` (downgrade is derived, never written by hand).
Operation reverse(const Operation& op);
/// Downgrade of a whole list: the reversed list of reversed operations.
std::vector<Operation> reverse(const std::vector<Operation>& ops);

/// Does the operation lose data (drop table, drop column, narrowing type change ...)?
bool is_destructive(const Operation& op);

/// Does `o` only rename the primary key (the same columns before and after, another name)?
bool is_primary_key_rename(const AlterPrimaryKey& o);

/// The table an operation works on (for an enum or object operation: an empty ref).
TableRef target_table(const Operation& op);

}  // namespace autogen::schema
