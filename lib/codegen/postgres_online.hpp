// Online planning for PostgreSQL (PlanOptions::online; docs/lint.md "Online planning"):
// the forms of a change that do not block the running application, each the fix of a
// lint rule. Used by the PostgreSQL planner for changes to tables that exist before the
// revision; a table created by the same plan is nobody's yet and gets plain DDL.
#pragma once

#include <string>
#include <vector>

#include "codegen/planner.hpp"
#include "schema/operation.hpp"
#include "schema/schema.hpp"

namespace autogen::codegen::postgres {

using OnlineStatements = std::vector<Statement>;

/// CREATE [UNIQUE] INDEX CONCURRENTLY, outside a transaction (AG101).
OnlineStatements online_create_index(const schema::TableRef& table, const schema::Index& index);

/// DROP INDEX CONCURRENTLY, outside a transaction (AG102).
OnlineStatements online_drop_index(const schema::TableRef& table, const schema::Index& index);

/// ADD CONSTRAINT ... NOT VALID, then VALIDATE CONSTRAINT in its own transaction (AG103,
/// AG104). Empty when the key or check has no name (VALIDATE needs one): the caller
/// keeps the plain form.
OnlineStatements online_add_foreign_key(const schema::TableRef& table,
                                        const schema::ForeignKey& key);
OnlineStatements online_add_check(const schema::TableRef& table,
                                  const schema::CheckConstraint& check);
/// A check made valid: VALIDATE CONSTRAINT in a transaction of its own (empty when the
/// check becomes NOT VALID: the plain drop and add is the form).
OnlineStatements online_validate_check(const schema::TableRef& table,
                                       const schema::CheckConstraint& check);

/// The unique index built CONCURRENTLY under the constraint's name, then ADD CONSTRAINT
/// ... UNIQUE / PRIMARY KEY USING INDEX (AG109). Empty for an unnamed unique constraint.
OnlineStatements online_add_unique(const schema::TableRef& table,
                                   const schema::UniqueConstraint& unique);
OnlineStatements online_add_primary_key(const schema::TableRef& table,
                                        const schema::PrimaryKey& key, const std::string& name);

/// Replaces the `ALTER TABLE t ALTER COLUMN c SET NOT NULL` of `statements` by the form
/// PostgreSQL 12+ runs without a scan under ACCESS EXCLUSIVE (AG105): a CHECK (c IS NOT
/// NULL) NOT VALID, VALIDATE in its own transaction, SET NOT NULL, DROP the check.
void online_set_not_null(OnlineStatements& statements, const schema::TableRef& table,
                         const std::string& column);

/// The name of the temporary check of online_set_not_null for `column` (63 bytes at most).
std::string not_null_check_name(const std::string& column);

/// Adds the lock_timeout statements to a planned section (AG110). `strong[i]`: statement
/// i takes a lock that blocks reads or writes of a table in use (ACCESS EXCLUSIVE,
/// SHARE ROW EXCLUSIVE, SHARE). A section that runs in a transaction starts with
/// `SET LOCAL lock_timeout`; one that runs outside (any statement no_transaction) sets
/// it for the session before each run of such statements and RESETs it before a
/// CONCURRENTLY build, a VALIDATE or an UPDATE (which wait for other transactions by
/// design, not for a lock the application queues behind) and at its end.
OnlineStatements with_lock_timeouts(OnlineStatements statements, const std::vector<bool>& strong,
                                    const std::string& lock_timeout);

}  // namespace autogen::codegen::postgres
