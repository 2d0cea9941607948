// The SQLite type mapping (docs/dialects/sqlite.md): logical model types -> the SQL
// spellings SQLite keeps verbatim in its schema, enums -> TEXT plus a CHECK, identity
// keys -> the rowid alias.
#pragma once

#include "schema/schema.hpp"
#include "support/diagnostics.hpp"

namespace autogen::codegen::sqlite {

/// The SQLite spelling of a logical type ("" for Logical::None).
std::string type_sql(const schema::ColumnType& type);

/// The spelling in a STRICT table, which allows only INT, INTEGER, REAL, TEXT, BLOB and
/// ANY: int INTEGER, other integers and bool INT (never the rowid alias by accident),
/// floating point REAL, text, times, dates and enums TEXT
/// (VARCHAR(n)'s length is dropped: SQLite never checked it), blobs BLOB.
std::string strict_type_sql(const schema::ColumnType& type);

/// The name of the CHECK that carries an enum column's labels: ck_<table>_<column>_enum.
std::string enum_check_name(const std::string& table, const std::string& column);

/// Lowers a model schema for SQLite: fills every empty ColumnType::sql, adds the enum
/// CHECKs, makes an identity single-column integer key the rowid alias (INTEGER) and
/// sets `identity` exactly on rowid aliases (what the inspector reads back), drops the
/// schema qualifiers SQLite has no use for. Reports unknown enums, identity columns
/// SQLite cannot auto-assign, two tables that are one without their schemas, and table
/// options SQLite cannot give (UNLOGGED, storage parameters; WITHOUT ROWID without a key,
/// a STRICT column type it does not allow, AUTOINCREMENT on anything but the rowid alias).
schema::Schema lower(const schema::Schema& model, support::Diagnostics& diags);

}  // namespace autogen::codegen::sqlite
