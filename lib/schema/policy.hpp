// A row-level security policy's facts (CREATE POLICY, docs/objects.md): what ALTER POLICY
// may change in place (roles, USING, WITH CHECK) and what it may not (the command, AS
// PERMISSIVE / RESTRICTIVE). A policy is a SqlObject of kind Policy whose `columns` hold
// these facts in this order, as PostgreSQL's inspector reads them from pg_policy.
#pragma once

#include <optional>
#include <string>

#include "schema/schema.hpp"

namespace autogen::schema {

struct PolicyFacts {
    std::string command;     ///< ALL, SELECT, INSERT, UPDATE or DELETE
    std::string permissive;  ///< PERMISSIVE or RESTRICTIVE
    std::string roles;       ///< "PUBLIC" or the role names, quoted where needed, sorted, ", "
    std::string using_expr;  ///< USING's expression as deparsed; empty for none
    std::string check_expr;  ///< WITH CHECK's expression as deparsed; empty for none

    bool operator==(const PolicyFacts&) const = default;
};

/// `o`'s facts, or nullopt when it has none (a policy not read back from a database:
/// the models' statement before a scratch database normalised it).
std::optional<PolicyFacts> policy_facts(const SqlObject& o);

/// Can ALTER POLICY take `from` to `to` (and back, for the downgrade): both have facts,
/// keep their command and PERMISSIVE / RESTRICTIVE, and have USING and WITH CHECK on
/// both sides or on neither (ALTER POLICY sets a clause, never removes one)?
bool alters_policy_in_place(const SqlObject& from, const SqlObject& to);

/// The clauses ALTER POLICY sets to take `from` to `to`, for the revision's phrase:
/// "TO, USING, WITH CHECK" or a part of it.
std::string policy_changes(const SqlObject& from, const SqlObject& to);

}  // namespace autogen::schema
