// The schema model: the one data structure every stage speaks. The scanner produces
// it from C++ models, the inspectors from a live database, the differ compares two of
// them. Pure data: no I/O, no SQL rendering, no dialect knowledge.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "schema/identity_options.hpp"
#include "support/diagnostics.hpp"

namespace autogen::schema {

using support::SourceLocation;

/// The portable meaning of a column type, as the model states it. The dialect's
/// planner turns it into SQL (`ColumnType::sql`); a type given with `type = "..."`
/// or read from a database has `Logical::None` and only `sql`.
enum class Logical {
    None,         ///< `sql` is authoritative
    Boolean,      ///< bool
    SmallInt,     ///< int16_t
    Integer,      ///< int32_t, int
    BigInt,       ///< int64_t
    Real,         ///< float
    Double,       ///< double
    Text,         ///< std::string (VARCHAR(n) when `length` is set)
    Blob,         ///< std::vector<std::uint8_t>, std::vector<std::byte>
    TimestampTz,  ///< std::chrono::system_clock::time_point
    Date,         ///< std::chrono::year_month_day
    Enum,         ///< an AUTOGEN_ENUM type; `enum_name` names it
};

struct ColumnType {
    Logical logical = Logical::None;
    std::optional<unsigned> length;  ///< VARCHAR(n) for Text
    std::string enum_name;           ///< for Logical::Enum
    std::string sql;                 ///< the dialect's SQL spelling; empty until lowered

    bool operator==(const ColumnType&) const = default;
};

enum class ReferentialAction { NoAction, Restrict, Cascade, SetNull, SetDefault };

struct Column {
    std::string name;
    ColumnType type;
    bool nullable = false;                      ///< NOT NULL unless std::optional or `nullable`
    std::optional<std::string> server_default;  ///< a SQL expression, as written
    bool identity = false;                      ///< database-generated key value
    std::optional<std::string> collation;
    std::string comment;
    std::string renamed_from;  ///< model-only: the column's previous name
    SourceLocation location;   ///< model-only: where the field is declared
    /// With `identity`: GENERATED ALWAYS (PostgreSQL refuses explicit values unless
    /// OVERRIDING SYSTEM VALUE) rather than BY DEFAULT. Last, so that positional
    /// initialisers of the fields above stay valid.
    bool identity_always = false;
    /// GENERATED ALWAYS AS (expression): the column's value is computed from the other
    /// columns of its row. The SQL as the models write it, or as the database deparses
    /// it; nullopt for an ordinary column. Never with `server_default` or `identity`.
    std::optional<std::string> generated;
    /// With `generated`: VIRTUAL (computed when read; SQLite only) rather than STORED.
    bool generated_virtual = false;
    /// With `identity`: its sequence's options (identity_start = 10 ...). The models'
    /// stated ones; a database's that are not PostgreSQL's defaults.
    IdentityOptions identity_options;
};

struct PrimaryKey {
    std::string name;  ///< may be empty where the database names it itself
    std::vector<std::string> columns;
    /// COMMENT ON (PostgreSQL; SQLite keeps none): `comment =` on the annotation, or the
    /// database's. Not part of the definition: a changed comment is no drop and add.
    std::string comment;
};

struct ForeignKey {
    std::string name;
    std::vector<std::string> columns;
    std::string ref_schema;
    std::string ref_table;
    std::vector<std::string> ref_columns;
    ReferentialAction on_delete = ReferentialAction::NoAction;
    ReferentialAction on_update = ReferentialAction::NoAction;
    SourceLocation location;
    /// DEFERRABLE / INITIALLY DEFERRED. Database-side only: the annotations cannot ask for
    /// them, so a deferrable key made by hand shows as a difference from the models.
    bool deferrable = false;
    bool initially_deferred = false;
    /// MATCH FULL (PostgreSQL): a row whose key columns are all NULL or all set; the
    /// default MATCH SIMPLE lets one NULL column skip the check. SQLite parses and ignores it.
    bool match_full = false;
    /// COMMENT ON (PostgreSQL; SQLite keeps none): `comment =` on the annotation, or the
    /// database's. Not part of the definition: a changed comment is no drop and add.
    std::string comment;
};

/// How one key of an index sorts and compares. All defaults (empty, false) is a plain key.
/// Kept normalised (index_keys.hpp), so the models' spelling and a database's read-back
/// compare equal field by field.
struct IndexKeyOptions {
    /// COLLATE name, unquoted; empty = the key's own collation (the column's).
    std::string collation;
    /// Operator class (PostgreSQL: text_pattern_ops, jsonb_path_ops ...); empty = the
    /// type's default one.
    std::string opclass;
    bool descending = false;
    /// NULLS FIRST (true) or LAST (false) when it is not PostgreSQL's default for the
    /// direction (LAST for ASC, FIRST for DESC); empty when it is.
    std::optional<bool> nulls_first;
    bool operator==(const IndexKeyOptions&) const = default;
};

struct Index {
    std::string name;
    /// Column names, or SQL expressions written in parentheses: "(lower(email))".
    std::vector<std::string> columns;
    bool unique = false;
    std::string where;  ///< partial index predicate; empty for a full index
    SourceLocation location;
    /// Access method (PostgreSQL: gin, gist, hash ...); empty = the default (btree).
    /// Database-side only, like ForeignKey::deferrable.
    std::string method;
    /// Per key of `columns`, in order: empty when every key is plain; otherwise as long as
    /// `columns` (index_keys.hpp reads and sets it).
    std::vector<IndexKeyOptions> key_options;
    /// INCLUDE columns of a covering index (PostgreSQL): stored, not searched.
    std::vector<std::string> include;
    /// UNIQUE NULLS NOT DISTINCT (PostgreSQL 15): two NULL keys collide.
    bool nulls_not_distinct = false;
    /// Storage parameters, WITH (...): "fillfactor=70", a lower-case name, '=', the value
    /// as PostgreSQL keeps it (pg_class.reloptions), in the order written.
    std::vector<std::string> storage_parameters;
    /// COMMENT ON (PostgreSQL; SQLite keeps none): `comment =` on the annotation, or the
    /// database's. Not part of the definition: a changed comment is no drop and add.
    std::string comment;
};

struct UniqueConstraint {
    std::string name;
    std::vector<std::string> columns;
    SourceLocation location;
    /// COMMENT ON (PostgreSQL; SQLite keeps none): `comment =` on the annotation, or the
    /// database's. Not part of the definition: a changed comment is no drop and add.
    std::string comment;
};

struct CheckConstraint {
    std::string name;
    std::string expression;
    SourceLocation location;
    /// NO INHERIT (PostgreSQL): the check holds for this table, not for tables that
    /// inherit from it.
    bool no_inherit = false;
    /// NOT VALID as a lasting state (PostgreSQL): new and changed rows are checked, the
    /// rows already there never were. A new table cannot hold one (CREATE TABLE marks its
    /// checks valid), so the planners add it after the table.
    bool not_valid = false;
    /// COMMENT ON (PostgreSQL; SQLite keeps none): `comment =` on the annotation, or the
    /// database's. Not part of the definition: a changed comment is no drop and add.
    std::string comment;
};

/// An exclusion constraint (PostgreSQL): no two rows whose keys all compare true under
/// their operators (`during WITH &&`: no two overlapping ranges).
struct ExclusionConstraint {
    std::string name;
    /// What follows EXCLUDE, as pg_get_constraintdef writes it (or the models do):
    /// `USING gist (during WITH &&)`.
    std::string definition;
    std::string where;  ///< the predicate of a partial one; empty for none
    SourceLocation location;
    /// COMMENT ON (PostgreSQL; SQLite keeps none): `comment =` on the annotation, or the
    /// database's. Not part of the definition: a changed comment is no drop and add.
    std::string comment;
};

/// A table's options (issue 20). Each belongs to one dialect; the other dialect's lowering
/// refuses it as a model error. All defaults is a plain table.
struct TableOptions {
    bool strict = false;         ///< SQLite STRICT: column types checked on every write
    bool without_rowid = false;  ///< SQLite WITHOUT ROWID: the primary key is the b-tree key
    bool autoincrement = false;  ///< SQLite AUTOINCREMENT on the rowid-alias primary key
    bool unlogged = false;       ///< PostgreSQL UNLOGGED: no WAL, emptied after a crash
    /// PostgreSQL WITH (...), normalised like Index::storage_parameters ("fillfactor=70"),
    /// sorted by name (the order PostgreSQL keeps them in depends on how they were set).
    std::vector<std::string> storage_parameters;
    /// PostgreSQL ENABLE ROW LEVEL SECURITY: the table's policies filter its rows.
    bool row_level_security = false;
    /// PostgreSQL FORCE ROW LEVEL SECURITY: the policies bind the table's owner too
    /// (the models set row_level_security with it).
    bool force_row_level_security = false;
    /// PostgreSQL PARTITION BY: "RANGE (created_at)", as pg_get_partkeydef writes it
    /// (partition_by.hpp normalises the models' text); empty for a table not partitioned.
    /// Its partitions are declared objects (ObjectKind::Partition).
    std::string partition_by;

    bool operator==(const TableOptions&) const = default;
};

/// The kinds of database object declared in SQL rather than by a struct ([models] sql,
/// docs/objects.md): their body is SQL, so the declaration is the statement itself.
/// An Extension (PostgreSQL's CREATE EXTENSION) is created before the tables (their
/// columns may have its types) and dropped after them; so is a Domain (a column's type).
/// A Schema (PostgreSQL's CREATE SCHEMA) is a namespace the project declares even while
/// it holds no table: the one kind whose `name` is a schema (its `schema` is empty).
/// A Sequence (CREATE SEQUENCE) is a standalone one, never an identity or serial column's;
/// created before the tables (a default's nextval needs it), its options are its facts.
enum class ObjectKind {
    View,
    MaterializedView,
    Function,
    Procedure,
    Trigger,
    Extension,
    Domain,
    Schema,
    Sequence,
    /// GRANT privileges ON a table, view, sequence, column, function, procedure or schema
    /// TO one role (schema/grants.hpp): one object per target and grantee.
    Grant,
    /// CREATE POLICY name ON table (schema/policy.hpp): its name on its table.
    Policy,
    /// CREATE TABLE name PARTITION OF parent FOR VALUES ... | DEFAULT (partition.hpp):
    /// `table` is the parent (in the partition's schema), `definition` the bound.
    Partition,
    /// CREATE TYPE name AS (attributes) or AS RANGE (...) (schema/user_type.hpp): a
    /// composite or range type. Enums are AUTOGEN_ENUM's, never declared in SQL.
    Type,
    /// ALTER DEFAULT PRIVILEGES [FOR ROLE r] [IN SCHEMA s] GRANT | REVOKE ... ON TABLES ...
    /// (schema/default_privileges.hpp): one object per role, schema or none, object kind.
    DefaultPrivilege,
    /// ALTER <kind> name OWNER TO role (schema/owners.hpp): one object per owned object.
    Owner
};
/// Every ObjectKind, in declaration order (a snapshot or cache reads a kind by its name).
inline constexpr ObjectKind kObjectKinds[] = {
    ObjectKind::View,      ObjectKind::MaterializedView, ObjectKind::Function,
    ObjectKind::Procedure, ObjectKind::Trigger,          ObjectKind::Extension,
    ObjectKind::Domain,    ObjectKind::Schema,           ObjectKind::Sequence,
    ObjectKind::Grant,     ObjectKind::Policy,           ObjectKind::Partition,
    ObjectKind::Type,      ObjectKind::DefaultPrivilege, ObjectKind::Owner};

/// A database object declared by a SQL statement. On the models' side: the statement as
/// the project's .sql file writes it, with the definition its scratch database read back;
/// on a database's side: the statement its catalog rebuilds. Compared by `definition`,
/// never by the text as written (a re-indented view is no change).
struct SqlObject {
    ObjectKind kind = ObjectKind::View;
    /// empty = the dialect's default schema. An extension's is the schema it installs
    /// its objects in (not part of its name: extensions are named database-wide): the
    /// declared SCHEMA (empty: not declared) or the one a database reads back (always).
    std::string schema;
    std::string name;
    /// The complete CREATE statement (no ';'), as run: the models' text, or the one
    /// rebuilt from the catalog (SQLite stores the text as written).
    std::string sql;
    /// The normalised definition the databases agree on (PostgreSQL: pg_get_viewdef;
    /// SQLite: the stored text's tokens); what the differ compares.
    std::string definition;
    /// A view's result columns, "name type" each, in order: a view whose columns stay
    /// the same can be replaced in place (CREATE OR REPLACE VIEW).
    /// A function's or procedure's signature: (arguments with names and defaults, result);
    /// CREATE OR REPLACE keeps the function only while it stays the same. A domain's facts,
    /// one each (domain.hpp: DomainFacts): what ALTER DOMAIN changes one at a time.
    std::vector<std::string> columns;
    /// A trigger's or policy's table (in `schema`): their names are the table's, not the
    /// schema's. A policy's `columns` are its facts (policy.hpp: PolicyFacts).
    std::string table;
    /// A function's or procedure's arguments, which DROP FUNCTION names: read back
    /// (pg_get_function_identity_arguments), or a declaration's input types until a
    /// database reads it back. Their input types are part of its identity (overloads:
    /// routine_signature.hpp). A grant on a routine: the arguments its GRANT names.
    std::string arguments;
    /// An extension's version: the declared VERSION (empty: not declared, any version
    /// will do) or the one a database has installed. Compared only when both sides have one.
    std::string version;
    /// COMMENT ON (PostgreSQL; SQLite keeps none): a `COMMENT ON <kind> name IS '...'` of
    /// the [models] sql files, or the database's. Not part of the definition: a changed
    /// comment is a COMMENT ON, never a drop and create. An extension's control file gives
    /// it one: compared only when the models declare one (docs/objects.md "Comments").
    std::string comment;
    /// A view's or materialized view's column comments (`COMMENT ON COLUMN view.col IS
    /// '...'`), column name -> comment, none empty; compared like `comment`, apart from
    /// the definition (view_column_comments.hpp).
    std::map<std::string, std::string> column_comments;
    SourceLocation location;  ///< model-only: the statement in its .sql file

    /// "schema"."name" or "name" ("name" alone for an extension), for messages.
    std::string qualified_name() const;
    /// What names it among the objects of its kind: the qualified name, and for a trigger
    /// its table's too ("name" on "table").
    std::string identity() const;
};

/// Can objects of `kind` hold a comment (COMMENT ON)? Not a grant, a default privilege or
/// an owner.
bool takes_comment(ObjectKind kind);

/// A function's or procedure's arguments in parentheses as DROP and COMMENT ON name them
/// among its overloads ("(integer, text)", "()"); "" for any other kind.
std::string routine_signature(const SqlObject& o);

/// The schema `o` keeps in existence: a Schema object's own name, any other object's
/// `schema` (empty = the dialect's default).
const std::string& holds_schema(const SqlObject& o);

struct Schema;
/// Does something of `s` live in schema `name`: a table, an enum, a declared object
/// other than the schema itself? A schema the models create tables in is theirs without
/// a CREATE SCHEMA of its own (the planner writes CREATE SCHEMA IF NOT EXISTS before its
/// first table), so a database's reading of it is no object to declare or drop.
bool implies_schema(const Schema& s, const std::string& name);

/// "view", "materialized view", "extension", "domain" ...: the kind as messages spell it.
const char* to_string(ObjectKind kind);
/// "VIEW", "MATERIALIZED VIEW", "EXTENSION": the kind as CREATE and DROP spell it.
std::string to_upper_kind(ObjectKind kind);
/// Is an object of this kind read like a table (a view's query runs when it is read)?
bool reads_as_relation(ObjectKind kind);

struct Schema;
/// Does `o` come before the tables of `s` rather than after them: created before the
/// table changes and dropped after them, and created first in every scratch database the
/// tables are materialised in? True for what a table may need (an extension or domain
/// providing a column's type, a function a default, check or generated column calls);
/// false for what reads tables (views, triggers, policies). precedes_tables.cpp.
bool precedes_tables(const SqlObject& o, const Schema& s);
/// Does a table of `s` name `name` in a column default, generated expression, check or
/// index expression (a function it calls)?
bool tables_name(const Schema& s, const std::string& name);

struct Table {
    std::string schema;  ///< empty = the dialect's default schema
    std::string name;
    std::vector<Column> columns;
    std::optional<PrimaryKey> primary_key;
    std::vector<ForeignKey> foreign_keys;
    std::vector<UniqueConstraint> uniques;
    std::vector<Index> indexes;
    std::vector<CheckConstraint> checks;
    std::string comment;
    std::string renamed_from;  ///< model-only
    SourceLocation location;   ///< model-only: the struct's declaration
    /// STRICT, WITHOUT ROWID, AUTOINCREMENT (SQLite), UNLOGGED, WITH (...) (PostgreSQL):
    /// declared by AUTOGEN_TABLE (AUTOINCREMENT by the key's AUTOGEN_COLUMN), compared.
    TableOptions options;
    std::vector<ExclusionConstraint> exclusions;  ///< PostgreSQL only

    const Column* find_column(const std::string& column) const;
    Column* find_column(const std::string& column);
    /// "schema"."name" or "name", for messages.
    std::string qualified_name() const;
};

struct Enum {
    std::string schema;
    std::string name;
    std::vector<std::string> labels;  ///< in declaration order
    SourceLocation location;
    /// COMMENT ON TYPE (PostgreSQL): `comment =` on AUTOGEN_ENUM or its doc comment.
    std::string comment;
};

struct Schema {
    std::vector<Table> tables;
    std::vector<Enum> enums;
    /// Objects declared in SQL (SqlObject), in creation order. A database's inspector
    /// always reads them (a SQLite table rebuild re-creates the views that read the
    /// table); the differ compares them only when `declares_objects`.
    std::vector<SqlObject> objects;
    /// The models declare SQL objects ([models] sql is set): the objects of both sides are
    /// compared, and a database object the models do not declare is dropped. Without it
    /// a database's objects are left as they are.
    bool declares_objects = false;

    const Table* find_table(const std::string& name, const std::string& schema_name = {}) const;
    Table* find_table(const std::string& name, const std::string& schema_name = {});
    const Enum* find_enum(const std::string& name, const std::string& schema_name = {}) const;
    /// An extension is found by its name alone (its schema is where its objects go).
    const SqlObject* find_object(ObjectKind kind, const std::string& name,
                                 const std::string& schema_name = {}) const;
    /// The object of `o`'s kind and identity (SqlObject::identity), or null.
    const SqlObject* find_object(const SqlObject& o) const;
};

/// Short names as they appear in annotations and messages ("cascade", "set_null").
const char* to_string(ReferentialAction a);
const char* to_string(Logical l);
/// Parses the annotation spelling (also accepts "set null", "no action"); nullopt if unknown.
std::optional<ReferentialAction> parse_referential_action(const std::string& s);

}  // namespace autogen::schema
