// CREATE SEQUENCE in a [models] sql file (docs/objects.md, "Sequences"): the statement
// read into a declared object whose facts (schema/sequence.hpp) are its type and options,
// PostgreSQL's defaults filled in, so that it compares with a catalog's reading without a
// scratch database.
#pragma once

#include <optional>
#include <string>

#include "schema/schema.hpp"
#include "support/diagnostics.hpp"
#include "support/sql_tokens.hpp"

namespace autogen::pipeline {

/// `CREATE SEQUENCE [IF NOT EXISTS] [schema.]name [AS type] [INCREMENT [BY] n] [MINVALUE n |
/// NO MINVALUE] [MAXVALUE n | NO MAXVALUE] [START [WITH] n] [CACHE n] [[NO] CYCLE]` from
/// r[i] on (after its SEQUENCE), or an error at `at` (OWNED BY among them: an identity
/// column is the way to tie a sequence to a column).
std::optional<schema::SqlObject> sequence_declaration(const support::TokenRange& r, std::size_t i,
                                                      const std::string& sql,
                                                      const support::SourceLocation& at,
                                                      support::Diagnostics& diags);

}  // namespace autogen::pipeline
