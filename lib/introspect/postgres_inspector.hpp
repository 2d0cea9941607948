// The PostgreSQL inspector: a live PostgreSQL database -> Schema, with five named,
// batched catalog queries (postgres_queries.hpp) whatever the number of tables.
#pragma once

#include <memory>

#include "introspect/inspector.hpp"

namespace autogen::introspect {

/// The PostgreSQL dialect's Inspector. Reads every user schema (`public` reported as
/// the default schema "", others by name; pg_catalog, information_schema, TOAST and
/// temporary schemas and extension-owned objects skipped): tables, columns (type as
/// format_type prints it, NOT NULL, default, identity and serial columns as identity,
/// collation when not the type's default, comment), primary keys, foreign keys,
/// unique constraints, check constraints, indexes that back no constraint, enum types
/// and table comments. Leaves out the version table and InspectOptions::exclude_tables
/// (matched against the table name and against "schema.name").
std::unique_ptr<Inspector> make_postgres_inspector();

}  // namespace autogen::introspect
