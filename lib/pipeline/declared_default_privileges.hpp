// ALTER DEFAULT PRIVILEGES statements of [models] sql files as default privilege objects
// (schema/default_privileges.hpp): one per role named (or none: whoever runs the
// revisions) and schema named (or none), holding the statement's items in order.
#pragma once

#include <optional>
#include <vector>

#include "schema/schema.hpp"
#include "support/diagnostics.hpp"
#include "support/sql_tokens.hpp"

namespace autogen::pipeline {

/// Is `r` an ALTER DEFAULT PRIVILEGES statement?
bool is_default_privileges(const support::TokenRange& r);

/// `ALTER DEFAULT PRIVILEGES [FOR ROLE r [, ...]] [IN SCHEMA s [, ...]] GRANT privileges
/// ON {TABLES | SEQUENCES | FUNCTIONS | ROUTINES | TYPES | SCHEMAS} TO role [, ...] [WITH
/// GRANT OPTION]` or `... REVOKE [GRANT OPTION FOR] privileges ON ... FROM role [, ...]`,
/// `r` being its tokens and `sql` its text: the default privileges it declares (ALL kept
/// as ALL: the scratch database expands it), or a Model error at `at` (nullopt).
std::optional<std::vector<schema::SqlObject>> default_privilege_declarations(
    const support::TokenRange& r, const std::string& sql, const support::SourceLocation& at,
    support::Diagnostics& diags);

}  // namespace autogen::pipeline
