// SQLite DDL for whole objects: the column definition, CREATE TABLE with every
// constraint, CREATE INDEX. Shared by the direct statements of the SQLite planner and
// by its table-rebuild strategy, so a rebuilt table is spelled exactly like a new one.
#pragma once

#include <string>
#include <string_view>

#include "schema/schema.hpp"
#include "support/diagnostics.hpp"

namespace autogen::codegen::sqlite {

/// Is `column` the table's rowid alias (its only primary-key column, typed exactly
/// INTEGER, in a table with a rowid)? SQLite assigns such a column's value itself; it is rendered
/// inline as `INTEGER NOT NULL PRIMARY KEY`.
bool is_rowid_alias(const schema::Table& table, const schema::Column& column);

/// Does a STRICT table allow a column of this declared type? Exactly INT, INTEGER, REAL,
/// TEXT, BLOB and ANY (sqlite.org/stricttables.html), in any case.
bool strict_allows(std::string_view type);

/// A default expression as it goes after DEFAULT: literals (numbers, strings, NULL,
/// TRUE/FALSE, CURRENT_TIMESTAMP ...) as written, anything else in parentheses, which
/// SQLite requires and strips again when it reports the default.
std::string default_clause_value(std::string_view expr);

/// True for a default SQLite accepts in ALTER TABLE ADD COLUMN: a literal that is not
/// CURRENT_TIME/CURRENT_DATE/CURRENT_TIMESTAMP (no expression in parentheses).
bool is_constant_default(std::string_view expr);

/// SQLite's type affinity of a declared type (sqlite.org/datatype3.html 3.1):
/// "INTEGER", "TEXT", "BLOB", "REAL" or "NUMERIC". Two types with the same affinity
/// store the same values, so a change between them loses nothing.
std::string affinity(std::string_view declared_type);

/// `"name" TYPE [NOT NULL] [PRIMARY KEY] [DEFAULT ...] [COLLATE "..."]`.
std::string column_definition(const schema::Table& table, const schema::Column& column);

/// CREATE TABLE `name_override` (or the table's own name) with its columns, primary key,
/// unique, foreign-key and check constraints (indexes are separate statements).
std::string create_table_sql(const schema::Table& table, std::string_view name_override = {});

/// CREATE [UNIQUE] INDEX "ix" ON "table" (...) [WHERE ...].
std::string create_index_sql(std::string_view table_name, const schema::Index& index);

/// DROP VIEW "name" for a declared object (SQLite's objects are views).
std::string drop_object_sql(const schema::SqlObject& object);

}  // namespace autogen::codegen::sqlite
