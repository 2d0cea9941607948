// PostgreSQL COMMENT ON for indexes, constraints (the primary key included), enum types
// and the objects declared in SQL (views, functions, domains ...): the statement that sets (or, for
// an empty comment, removes) one, and the ones that give the objects an operation creates their
// comments. A dropped object takes its comment along, so an object created again is commented
// again; a renamed one keeps it.
#pragma once

#include <string>
#include <vector>

#include "codegen/planner.hpp"
#include "schema/operation.hpp"
#include "schema/schema.hpp"

namespace autogen::codegen::postgres {

using Statements = std::vector<Statement>;

/// COMMENT ON INDEX / CONSTRAINT ... ON table / TYPE / VIEW / FUNCTION f(args) / ... IS
/// '...' (IS NULL when empty).
std::string comment_on_sql(const schema::SetObjectComment& o);

/// The comments on what `t`'s CREATE TABLE created: its named keys, constraints, indexes.
Statements comments_of_table(const schema::Table& t);

/// The comment of what `op` adds or creates again (an index, a constraint, a primary key,
/// an enum type, a declared object), or a declared object's new comment when it is
/// replaced in place; empty for any other operation or an object without a comment.
Statements comments_after(const schema::Operation& op);

/// COMMENT ON INDEX for `index` of `table` when it has a comment (an index created again).
Statements comment_of_index(const schema::TableRef& table, const schema::Index& index);
/// COMMENT ON CONSTRAINT `name` of `table` when `comment` is not empty (a unique, foreign
/// key or check added again after DROP CONSTRAINT or DROP COLUMN took it along).
Statements comment_of_constraint(const schema::TableRef& table, const std::string& name,
                                 const std::string& comment);
/// COMMENT ON CONSTRAINT for a check of `table` when it has a comment.
Statements comment_of_check(const schema::TableRef& table, const schema::CheckConstraint& check);
/// COMMENT ON TYPE for an enum when it has a comment (a type created, or created again).
Statements comment_of_enum(const schema::Enum& e);

}  // namespace autogen::codegen::postgres
