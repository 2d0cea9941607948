// PostgreSQL enum types: CREATE TYPE ... AS ENUM, DROP TYPE, and the three ways a
// label change is made (docs/dialects/postgresql.md "Enums"): ALTER TYPE ... ADD VALUE
// for labels added, RENAME VALUE for labels replaced in place, and the type rebuild for
// anything else (rename the old type, create the new one, convert every column that
// uses it, drop the old one).
#pragma once

#include <string>
#include <vector>

#include "codegen/planner.hpp"
#include "schema/operation.hpp"
#include "schema/schema.hpp"

namespace autogen::codegen::postgres {

/// "schema"."name" of an enum ("name" in public).
std::string enum_sql(const schema::Enum& e);

std::string create_enum_sql(const schema::Enum& e);

/// Labels of `op.to` that `op.from` does not have.
std::vector<std::string> added_labels(const schema::AlterEnum& op);

/// The statements of `op`. `at` is the schema at this point of the plan (the columns
/// that use the enum, with their defaults, checks and indexes). `rebuild_for_use`
/// forces the rebuild even for pure additions: PostgreSQL does not let a transaction use
/// a label it added with ADD VALUE, so when a later statement of the same revision
/// uses a new label, the labels are added by rebuilding the type instead.
std::vector<Statement> alter_enum(const schema::AlterEnum& op, const schema::Schema& at,
                                  bool rebuild_for_use);

}  // namespace autogen::codegen::postgres
