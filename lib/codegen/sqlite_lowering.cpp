// SQLite type mapping and the other model adjustments SQLite needs before planning.
#include "codegen/sqlite_lowering.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "codegen/lowering_common.hpp"
#include "codegen/sql_builder.hpp"
#include "codegen/sqlite_ddl.hpp"
#include "schema/index_keys.hpp"

namespace autogen::codegen::sqlite {

using schema::Logical;

std::string type_sql(const schema::ColumnType& type) {
    // Spellings SQLite stores verbatim and reports back through pragma_table_info, so a
    // lowered model and an inspected database compare equal without translation.
    switch (type.logical) {
        case Logical::None:
            return type.sql;
        case Logical::Boolean:
            return "BOOLEAN";
        case Logical::SmallInt:
            return "SMALLINT";
        case Logical::Integer:
            return "INTEGER";
        case Logical::BigInt:
            return "BIGINT";
        case Logical::Real:
            return "REAL";
        case Logical::Double:
            return "DOUBLE";
        case Logical::Text:
            return type.length ? "VARCHAR(" + std::to_string(*type.length) + ")" : "TEXT";
        case Logical::Blob:
            return "BLOB";
        case Logical::TimestampTz:
            return "DATETIME";
        case Logical::Date:
            return "DATE";
        case Logical::Enum:
            return "TEXT";
    }
    return type.sql;
}

std::string strict_type_sql(const schema::ColumnType& type) {
    switch (type.logical) {
        case Logical::None:
            return type.sql;
        // INT, not INTEGER, where the plain spelling is not INTEGER either: a single
        // primary-key column typed exactly INTEGER becomes the rowid alias, and STRICT
        // must not make a BIGINT key one.
        case Logical::Boolean:
        case Logical::SmallInt:
        case Logical::BigInt:
            return "INT";
        case Logical::Integer:
            return "INTEGER";
        case Logical::Real:
        case Logical::Double:
            return "REAL";
        case Logical::Blob:
            return "BLOB";
        // SQLite never checked VARCHAR(n)'s length; dates and times are ISO-8601 text
        // (what CURRENT_TIMESTAMP gives); an enum's labels are text under their CHECK.
        case Logical::Text:
        case Logical::TimestampTz:
        case Logical::Date:
        case Logical::Enum:
            return "TEXT";
    }
    return type.sql;
}

std::string enum_check_name(const std::string& table, const std::string& column) {
    return "ck_" + table + "_" + column + "_enum";
}

namespace {

bool is_integer_logical(Logical l) {
    return l == Logical::SmallInt || l == Logical::Integer || l == Logical::BigInt;
}

/// SQLite keeps one index for UNIQUE constraints on the same columns (in the same
/// order), and none for a UNIQUE on the columns of a primary key that is itself an
/// index (any key but the rowid alias). Lowering drops those duplicates so that the
/// model says what the database will keep.
void drop_redundant_uniques(schema::Table& t) {
    const schema::Column* only = t.primary_key && t.primary_key->columns.size() == 1
                                     ? t.find_column(t.primary_key->columns.front())
                                     : nullptr;
    bool pk_is_index =
        t.primary_key && !t.primary_key->columns.empty() && !(only && is_rowid_alias(t, *only));
    std::vector<std::vector<std::string>> seen;
    if (pk_is_index) seen.push_back(t.primary_key->columns);
    std::vector<schema::UniqueConstraint> kept;
    for (auto& u : t.uniques) {
        if (std::find(seen.begin(), seen.end(), u.columns) != seen.end()) continue;
        seen.push_back(u.columns);
        kept.push_back(std::move(u));
    }
    t.uniques = std::move(kept);
}

/// What an index asks for that only PostgreSQL has, each with how to do without it.
/// (ASC/DESC and COLLATE are SQLite's too.)
std::vector<std::pair<std::string, std::string>> postgresql_only_features(const schema::Index& ix) {
    std::vector<std::pair<std::string, std::string>> out;
    for (std::size_t i = 0; i < ix.columns.size(); ++i) {
        const schema::IndexKeyOptions& o = schema::key_options(ix, i);
        if (!o.opclass.empty())
            out.push_back({"operator class " + o.opclass + " on key " + ix.columns[i],
                           "remove the operator class from the key"});
        if (o.nulls_first)
            out.push_back({std::string(*o.nulls_first ? "NULLS FIRST" : "NULLS LAST") + " on key " +
                               ix.columns[i],
                           "remove NULLS FIRST/LAST (SQLite sorts NULLs first ascending, last "
                           "descending)"});
    }
    if (!ix.include.empty())
        out.push_back({"INCLUDE columns", "remove 'include' (or make them keys)"});
    if (ix.nulls_not_distinct) out.push_back({"NULLS NOT DISTINCT", "remove 'nulls_not_distinct'"});
    if (!ix.storage_parameters.empty())
        out.push_back({"storage parameters (with)", "remove 'with'"});
    return out;
}

/// The table options SQLite cannot give, and those it cannot give this table: a model
/// error each, at the table (or the key that asks for AUTOINCREMENT).
void check_table_options(const schema::Table& t, support::Diagnostics& diags) {
    const std::string table = "table \"" + t.name + "\"";
    const std::string elsewhere =
        ", or keep this model to PostgreSQL (dialects = [\"postgresql\"])";
    if (t.options.unlogged)
        diags.error(support::Category::Model,
                    table +
                        " is UNLOGGED, which SQLite tables cannot be (a SQLite database is "
                        "one journaled file)",
                    t.location, "remove 'unlogged'" + elsewhere);
    if (t.options.row_level_security)
        diags.error(support::Category::Model,
                    table +
                        " asks for row-level security, which SQLite does not have (no roles, "
                        "no policies)",
                    t.location,
                    std::string("remove '") +
                        (t.options.force_row_level_security ? "force_row_level_security"
                                                            : "row_level_security") +
                        "'" + elsewhere);
    if (!t.options.partition_by.empty())
        diags.error(support::Category::Model,
                    table + " is partitioned (PARTITION BY " + t.options.partition_by +
                        "), which SQLite tables cannot be",
                    t.location, "remove 'partition_by'" + elsewhere);
    if (!t.options.storage_parameters.empty())
        diags.error(support::Category::Model,
                    table + " has storage parameters (with = ...), which SQLite tables do not have",
                    t.location, "remove 'with'" + elsewhere);
    if (t.options.without_rowid && !(t.primary_key && !t.primary_key->columns.empty()))
        diags.error(
            support::Category::Model,
            table + " is WITHOUT ROWID but has no primary key: SQLite requires one", t.location,
            "mark its key with AUTOGEN_COLUMN(primary_key) or AUTOGEN_PRIMARY_KEY(\"...\"), "
            "or remove 'without_rowid'");
    if (t.options.strict)
        for (const auto& c : t.columns)
            if (!strict_allows(c.type.sql))
                diags.error(support::Category::Model,
                            "column \"" + t.name + "\".\"" + c.name + "\" of STRICT " + table +
                                " is typed " + c.type.sql +
                                ", which a STRICT table does not allow (INT, INTEGER, REAL, TEXT, "
                                "BLOB, ANY)",
                            c.location,
                            "write one of those types (type = \"TEXT\"), or remove 'strict'");
    if (t.options.autoincrement) {
        const schema::Column* key = t.primary_key && t.primary_key->columns.size() == 1
                                        ? t.find_column(t.primary_key->columns.front())
                                        : nullptr;
        if (!key || !is_rowid_alias(t, *key))
            diags.error(support::Category::Model,
                        table +
                            " asks for AUTOINCREMENT, which SQLite allows only on an INTEGER "
                            "PRIMARY KEY of a table with a rowid" +
                            (t.options.without_rowid ? " (this one is WITHOUT ROWID)" : ""),
                        key ? key->location : t.location,
                        "make the key the table's only primary-key column with an integer type "
                        "(std::int64_t), or remove 'autoincrement'" +
                            std::string(t.options.without_rowid ? " or 'without_rowid'" : ""));
    }
}

void lower_table(schema::Table& t, const schema::Schema& model, support::Diagnostics& diags) {
    const bool single_pk = t.primary_key && t.primary_key->columns.size() == 1;
    for (auto& c : t.columns) {
        const bool only_key = single_pk && t.primary_key->columns.front() == c.name;
        if (c.type.sql.empty()) {
            // An identity key must be typed exactly INTEGER to be the rowid alias: a
            // BIGINT PRIMARY KEY would not be assigned automatically.
            c.type.sql = c.identity && only_key && is_integer_logical(c.type.logical)
                             ? "INTEGER"
                             : (t.options.strict ? strict_type_sql(c.type) : type_sql(c.type));
        }
        if (c.type.logical == Logical::Enum) {
            const schema::Enum* e = find_column_enum(model, t, c, diags);
            if (!e) continue;
            std::string name = enum_check_name(t.name, c.name);
            bool present =
                std::any_of(t.checks.begin(), t.checks.end(),
                            [&](const schema::CheckConstraint& k) { return k.name == name; });
            if (!present) {
                std::string labels;
                for (std::size_t i = 0; i < e->labels.size(); ++i)
                    labels += (i ? ", " : "") + string_literal(e->labels[i]);
                t.checks.push_back({.name = name,
                                    .expression = quote_identifier(c.name) + " IN (" + labels + ")",
                                    .location = c.location});
            }
        }
    }
    drop_redundant_uniques(t);
    check_table_options(t, diags);
    for (const auto& ix : t.indexes) {
        if (!ix.method.empty())
            diags.error(support::Category::Model,
                        "index \"" + ix.name + "\" of table \"" + t.name + "\" asks for method " +
                            ix.method + ", but SQLite has one kind of index (a b-tree)",
                        ix.location,
                        "remove 'method', or keep this model to PostgreSQL (dialects = "
                        "[\"postgresql\"])");
        for (const auto& [feature, fix] : postgresql_only_features(ix))
            diags.error(support::Category::Model,
                        "index \"" + ix.name + "\" of table \"" + t.name + "\" uses " + feature +
                            ", which SQLite indexes do not have",
                        ix.location,
                        fix + ", or keep this model to PostgreSQL (dialects = [\"postgresql\"])");
    }
    for (const auto& ck : t.checks)
        if (ck.no_inherit || ck.not_valid)
            diags.error(support::Category::Model,
                        "check \"" + ck.name + "\" of table \"" + t.name + "\" is " +
                            (ck.no_inherit ? "NO INHERIT" : "NOT VALID") +
                            ", which SQLite checks do not have (" +
                            (ck.no_inherit ? "it has no table inheritance"
                                           : "every check holds for every row") +
                            ")",
                        ck.location,
                        std::string("remove '") + (ck.no_inherit ? "no_inherit" : "not_valid") +
                            "', or keep this model to PostgreSQL (dialects = [\"postgresql\"])");
    for (const auto& x : t.exclusions)
        diags.error(support::Category::Model,
                    "exclusion constraint \"" + x.name + "\" of table \"" + t.name +
                        "\" is PostgreSQL's: SQLite has no exclusion constraints",
                    x.location,
                    "remove it, or keep this model to PostgreSQL (dialects = [\"postgresql\"])");
    for (auto& fk : t.foreign_keys) {
        if (fk.match_full)
            diags.warning(support::Category::Model,
                          "foreign key \"" + fk.name + "\" of table \"" + t.name +
                              "\" asks for MATCH FULL, which SQLite parses and ignores: a row "
                              "with some key columns NULL is not refused there",
                          fk.location, "keep 'match = full' for PostgreSQL, or remove it");
        // As the inspector reads it back: SQLite keeps no match type.
        fk.match_full = false;
    }
    for (auto& c : t.columns) {
        bool alias = is_rowid_alias(t, c);
        if (c.identity && !alias) {
            diags.warning(
                support::Category::Model,
                "identity column \"" + t.name + "\".\"" + c.name +
                    "\" is not assigned by SQLite: only a single-column INTEGER primary key is",
                c.location, "make it the table's only primary-key column with an integer type");
        }
        if (c.identity_always && alias)
            diags.warning(support::Category::Model,
                          "identity column \"" + t.name + "\".\"" + c.name +
                              "\" asks for ALWAYS, which SQLite cannot enforce: explicit values "
                              "are still accepted there",
                          c.location,
                          "keep 'identity = always' for PostgreSQL, or write just 'identity'");
        if (c.identity && !c.identity_options.empty())
            diags.warning(support::Category::Model,
                          "identity column \"" + t.name + "\".\"" + c.name +
                              "\" states sequence options, which SQLite has no sequence for: "
                              "they are ignored there",
                          c.location, "keep the identity_* options for PostgreSQL, or remove them");
        c.identity_options = {};
        // SQLite assigns every rowid alias (and never NULL), whatever the model said;
        // stating it keeps the lowered model equal to what the inspector reads back.
        c.identity = alias;
        c.identity_always = false;
        if (alias) c.nullable = false;
    }
}

/// SQLite has one namespace per database file: a model's schema qualifiers
/// (`schema = "sales"`, `references = "sales.orders.id"`, an enum's schema) are ignored,
/// so the lowered tables carry the names the inspector reads back. Without this a
/// qualified table was created unqualified in the scratch database and never matched
/// its model again: it vanished from the comparison. Two tables that become one name
/// are an error.
void drop_schema_qualifiers(schema::Schema& s, support::Diagnostics& diags) {
    std::map<std::string, const schema::Table*> seen;
    for (auto& t : s.tables) {
        const std::string declared = t.qualified_name();
        t.schema.clear();
        for (auto& fk : t.foreign_keys) fk.ref_schema.clear();
        auto [at, fresh] = seen.emplace(t.name, &t);
        if (!fresh)
            diags.error(support::Category::Model,
                        "tables " + at->second->qualified_name() + " and " + declared +
                            " are one table \"" + t.name +
                            "\" on SQLite, which has no schemas (schema qualifiers are ignored)",
                        t.location,
                        "rename one of them, or keep the project to PostgreSQL ([database] "
                        "dialects = [\"postgresql\"])");
    }
    for (auto& e : s.enums) e.schema.clear();
}

/// SQLite has no domains (nor user-defined types of any kind): a declared one is a model
/// error at its statement.
void refuse_domains(const schema::Schema& s, support::Diagnostics& diags) {
    for (const auto& o : s.objects)
        if (o.kind == schema::ObjectKind::Domain)
            diags.error(support::Category::Model,
                        "domain " + o.qualified_name() +
                            " cannot be created on SQLite, which has no domains (nor other "
                            "user-defined types)",
                        o.location,
                        "keep the domain to PostgreSQL (dialects = [\"postgresql\"]), or give "
                        "the columns its base type with AUTOGEN_COLUMN(type = ..., check = ...) "
                        "and remove the CREATE DOMAIN");
}

/// Why a declared object cannot exist on SQLite, and what to do instead.
struct Refusal {
    std::string what;
    std::string fix;
};

/// The kinds SQLite has no counterpart for (views and triggers it has; schemas are
/// left out before this), each refused at its statement.
std::optional<Refusal> refused_on_sqlite(const schema::SqlObject& o) {
    using schema::ObjectKind;
    switch (o.kind) {
        case ObjectKind::Sequence:
            return Refusal{"sequence " + o.qualified_name() +
                               " cannot be created on SQLite, which has no sequences",
                           "keep the sequence to PostgreSQL (dialects = [\"postgresql\"]); on "
                           "SQLite an INTEGER PRIMARY KEY (identity) numbers the rows"};
        case ObjectKind::Extension:
            return Refusal{"extension \"" + o.name +
                               "\": SQLite has no extensions; load it in the application",
                           "remove the CREATE EXTENSION statement (it is PostgreSQL's); SQLite "
                           "loads an extension per connection (sqlite3_load_extension)"};
        case ObjectKind::Grant:
            return Refusal{
                "grant " + o.identity() +
                    ": SQLite has no privileges (a file is opened by whoever can read it)",
                "remove the GRANT (it is PostgreSQL's), or keep it in a [models] sql file only a "
                "PostgreSQL project reads"};
        case ObjectKind::DefaultPrivilege:
            return Refusal{"default privileges " + o.identity() +
                               ": SQLite has no privileges (a file is opened by whoever can read "
                               "it)",
                           "remove the ALTER DEFAULT PRIVILEGES statement (it is PostgreSQL's), "
                           "or keep it in a [models] sql file only a PostgreSQL project reads"};
        case ObjectKind::Owner:
            return Refusal{"owner " + o.identity() +
                               ": SQLite has no roles (a file belongs to whoever owns it on disk)",
                           "remove the ALTER ... OWNER TO statement (it is PostgreSQL's), or keep "
                           "it in a [models] sql file only a PostgreSQL project reads"};
        case ObjectKind::Partition:
            return Refusal{"partition " + o.identity() + ": SQLite has no declarative partitioning",
                           "remove the CREATE TABLE ... PARTITION OF statement, or keep this "
                           "project to PostgreSQL (dialects = [\"postgresql\"])"};
        case ObjectKind::Policy:
            return Refusal{"policy " + o.identity() +
                               ": SQLite has no row-level security (no roles, no policies)",
                           "remove the CREATE POLICY statement, or keep this project to "
                           "PostgreSQL (dialects = [\"postgresql\"]); on SQLite, filter the rows "
                           "in the application's queries"};
        case ObjectKind::Function:
        case ObjectKind::Procedure:
            return Refusal{std::string("SQLite has no stored functions or procedures: ") +
                               schema::to_string(o.kind) + " " + o.qualified_name() +
                               " cannot be declared",
                           "register the function in the application (sqlite3_create_function), "
                           "or keep this file out of [models] sql"};
        case ObjectKind::Type:
            return Refusal{"type " + o.qualified_name() +
                               " cannot be created on SQLite, which has no composite or range "
                               "types",
                           "keep the type to PostgreSQL (dialects = [\"postgresql\"]); on SQLite "
                           "store its parts in columns of their own, or as JSON text"};
        case ObjectKind::MaterializedView:
            return Refusal{std::string("SQLite has no materialized views: ") +
                               schema::to_string(o.kind) + " " + o.qualified_name() +
                               " cannot be declared",
                           "declare a view, or a table the application refreshes"};
        default:
            return std::nullopt;
    }
}

}  // namespace

schema::Schema lower(const schema::Schema& model, support::Diagnostics& diags) {
    refuse_domains(model, diags);
    schema::Schema out = model;
    for (auto& t : out.tables) {
        lower_table(t, model, diags);
        validate_table_sql(t, diags);
    }
    drop_schema_qualifiers(out, diags);
    // SQLite has no schemas and ignores the qualifiers (above): a declared CREATE SCHEMA
    // (a project on both dialects) is PostgreSQL's alone.
    // So is the owner its AUTHORIZATION declares (an ALTER ... OWNER TO is refused below).
    std::erase_if(out.objects, [](const schema::SqlObject& o) {
        const bool from_create_schema =
            o.sql.size() > 6 && (o.sql[0] == 'C' || o.sql[0] == 'c');  // not ALTER ...
        return o.kind == schema::ObjectKind::Schema ||
               (o.kind == schema::ObjectKind::Owner && from_create_schema);
    });
    for (auto& o : out.objects) {
        if (auto refusal = refused_on_sqlite(o))
            diags.error(support::Category::Model, refusal->what, o.location, refusal->fix);
        // SQLite keeps no comments: a COMMENT ON is accepted and compared with none, as
        // a table's `comment =` is (docs/objects.md "Comments").
        o.comment.clear();
        o.column_comments.clear();
    }
    return out;
}

}  // namespace autogen::codegen::sqlite
