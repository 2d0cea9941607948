// Privileges (GRANT) as declared objects (ObjectKind::Grant, docs/objects.md
// "Privileges"): one SqlObject per target and grantee, a column grant per column. The
// fields a grant uses, so that every codec of SqlObject carries it unchanged:
//   schema, name  the target (a schema's own name in `name`, `schema` empty)
//   version       the target's kind as GRANT spells it: TABLE (views, materialized views
//                 and sequences read as tables too), SEQUENCE, FUNCTION, PROCEDURE,
//                 SCHEMA; "COLUMN c" for the privileges on column c of table `name`
//   table         the grantee: a role's name, or PUBLIC
//   columns       the privileges, sorted: "SELECT", "UPDATE WITH GRANT OPTION"
//   arguments     a function's or procedure's identity arguments (read back), for ON FUNCTION
//   f(...) definition    the privileges joined: what the differ compares
#pragma once

#include <string>
#include <vector>

#include "schema/schema.hpp"

namespace autogen::schema {

/// The grantee that stands for every role (GRANT ... TO PUBLIC).
inline constexpr const char* kPublicGrantee = "PUBLIC";
/// Why a grant on an object the revision drops is no statement now and a REVOKE in its
/// downgrade: the downgrade creates the object again under default privileges that give
/// it what it did not hold (diff/grants_by_defaults.hpp).
inline constexpr const char* kRevokedWhenCreatedAgain =
    "the default privileges in force give it when the downgrade creates it again";

/// A grant of `privileges` (upper case, " WITH GRANT OPTION" suffixed where granted so)
/// on `target_kind` (TABLE, SEQUENCE, FUNCTION, PROCEDURE, SCHEMA) `schema`.`name`
/// (column `column` of a table when not empty) to `grantee`. `sql` is left empty.
SqlObject make_grant(const std::string& target_kind, const std::string& schema,
                     const std::string& name, const std::string& column, const std::string& grantee,
                     std::vector<std::string> privileges);

/// TABLE, SEQUENCE, FUNCTION, PROCEDURE or SCHEMA (a column grant's is TABLE).
std::string grant_target_kind(const SqlObject& grant);
/// The column a column grant is on, or "".
std::string grant_column(const SqlObject& grant);
/// `TABLE "s"."t" ("c")`: what a grant is on, as messages spell it.
std::string grant_target(const SqlObject& grant);
/// `TABLE "s"."t" ("c") to "role"`: what names a grant among the grants.
std::string grant_identity(const SqlObject& grant);
/// The privileges of `a` that `b` does not hold (each with its grant option), sorted.
std::vector<std::string> privileges_only_in(const SqlObject& a, const SqlObject& b);
/// `grant` holding only `privileges` (its definition too).
SqlObject with_privileges(SqlObject grant, std::vector<std::string> privileges);
/// Adds `more`'s privileges to `grant` (two statements granting one role on one target).
void merge_privileges(SqlObject& grant, const SqlObject& more);
/// Is `grant` on the relation, function or schema `o` (a view, a function ...)?
bool grant_is_on(const SqlObject& grant, const SqlObject& o);
/// Is `grant` on table `t` (or one of its columns)?
bool grant_is_on_table(const SqlObject& grant, const Table& t);

}  // namespace autogen::schema
