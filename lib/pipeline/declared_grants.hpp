// GRANT statements of [models] sql files as grant objects (schema/grants.hpp): one per
// target and grantee, a column grant per column.
#pragma once

#include <initializer_list>
#include <optional>
#include <string>
#include <vector>

#include "schema/schema.hpp"
#include "support/diagnostics.hpp"
#include "support/sql_tokens.hpp"

namespace autogen::pipeline {

/// `GRANT privileges ON [TABLE | SEQUENCE | FUNCTION | PROCEDURE | SCHEMA] target [, ...]
/// TO role [, ...] [WITH GRANT OPTION]`, `r` being its tokens and `sql` its text: the
/// grants it makes (ALL kept as ALL: the scratch database expands it), or a Model error
/// at `at` (nullopt) for what it cannot declare (GRANT role TO role, ON ALL TABLES IN
/// SCHEMA, CURRENT_USER ...).
std::optional<std::vector<schema::SqlObject>> grant_declarations(const support::TokenRange& r,
                                                                 const std::string& sql,
                                                                 const support::SourceLocation& at,
                                                                 support::Diagnostics& diags);

/// The roles of a TO (or FROM) list from r[i] on, shared by GRANT and ALTER DEFAULT
/// PRIVILEGES: names (GROUP skipped), PUBLIC as schema::kPublicGrantee, one ", " apart,
/// up to a word of `stops` or a token that names no role (`i` left there). A
/// CURRENT_USER, SESSION_USER or CURRENT_ROLE (whoever runs the revision) sets `error`
/// and `hint` (the fix names a role as `example` does), `i` at the word.
struct Grantees {
    std::vector<std::string> roles;
    std::string error, hint;
};
Grantees read_grantees(const support::TokenRange& r, std::size_t& i,
                       std::initializer_list<const char*> stops, const std::string& example);

/// A grant ON FUNCTION | PROCEDURE f written without an argument list names the one
/// declared routine of that name: it takes that routine's input types. Several declared
/// (overloads) is a Model error at the GRANT, which must name one (`f(integer)`); none
/// leaves the grant on f as written. Grants that come to name one target merge.
void resolve_grant_overloads(std::vector<schema::SqlObject>& objects, support::Diagnostics& diags);

/// The words up to the closing parenthesis of the one at r[i] (skipped), as text; i ends
/// after it. Shared by the GRANT and OWNER TO readers (a routine's argument list).
std::string parenthesised(const support::TokenRange& r, std::size_t& i);

}  // namespace autogen::pipeline
