// CREATE TYPE in a [models] sql file (docs/objects.md, "Composite and range types"): a
// composite type (AS (attributes)) or a range type (AS RANGE (...)) as a declared object.
// Enums are declared by AUTOGEN_ENUM (one truth for their labels), base and shell types
// need C functions: both are refused at the statement.
#pragma once

#include <optional>
#include <string>

#include "schema/schema.hpp"
#include "support/diagnostics.hpp"
#include "support/sql_tokens.hpp"

namespace autogen::pipeline {

/// `CREATE TYPE [schema.]name AS (attribute type [COLLATE c], ...)` or `CREATE TYPE
/// [schema.]name AS RANGE (SUBTYPE = type, ...)` from r[i] on (after its TYPE), or an
/// error at `at`. Its definition is the statement's canonical text until a scratch
/// database reads it back.
std::optional<schema::SqlObject> type_declaration(const support::TokenRange& r, std::size_t i,
                                                  const std::string& sql,
                                                  const support::SourceLocation& at,
                                                  support::Diagnostics& diags);

}  // namespace autogen::pipeline
