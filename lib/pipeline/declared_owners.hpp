// ALTER <kind> name OWNER TO role statements of [models] sql files as owner objects
// (schema/owners.hpp): one per owned object (docs/objects.md "Owners").
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "schema/schema.hpp"
#include "support/diagnostics.hpp"
#include "support/sql_tokens.hpp"

namespace autogen::pipeline {

/// Is `r` an ALTER ... OWNER TO statement?
bool is_owner_statement(const support::TokenRange& r);

/// `ALTER {TABLE | VIEW | MATERIALIZED VIEW | SEQUENCE | FUNCTION f(args) | PROCEDURE
/// p(args) | ROUTINE r(args) | SCHEMA | TYPE | DOMAIN} name OWNER TO role`, `r` being its
/// tokens and `sql` its text: the owner it declares (its kind as written; ROUTINE and a
/// routine without its argument list are resolved by resolve_owner_targets), or a Model
/// error at the word that is wrong (nullopt): CURRENT_USER and the like, other kinds.
std::optional<schema::SqlObject> owner_declaration(const support::TokenRange& r,
                                                   const std::string& sql,
                                                   const support::SourceLocation& at,
                                                   support::Diagnostics& diags);

/// `CREATE SCHEMA name AUTHORIZATION role` (`r`, read as `schema`): the owner it
/// declares, as ALTER SCHEMA name OWNER TO role would; nullopt without AUTHORIZATION or
/// for CURRENT_USER and the like (the role that runs the revision, the owner anyway).
std::optional<schema::SqlObject> schema_authorization_owner(const support::TokenRange& r,
                                                            const schema::SqlObject& schema);

/// Each owner of `objects` on the declared object it names: a view, materialized view or
/// sequence named ALTER TABLE takes that kind, a ROUTINE the routine's, a routine written
/// without arguments the one declared routine of its name (several: an error), a TYPE
/// that is a declared domain DOMAIN. A Model error at the statement for a VIEW,
/// MATERIALIZED VIEW, SEQUENCE, FUNCTION, PROCEDURE or DOMAIN the files do not declare
/// (a TABLE, TYPE or SCHEMA may be a model table, enum or the schema of model tables:
/// the scratch database says), and for a second OWNER TO of one object.
void resolve_owner_targets(std::vector<schema::SqlObject>& objects, support::Diagnostics& diags);

}  // namespace autogen::pipeline
