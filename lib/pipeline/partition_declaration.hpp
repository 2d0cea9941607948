// CREATE TABLE ... PARTITION OF in a [models] sql file (docs/objects.md, "Partitions"):
// a partition of a table the models partition (AUTOGEN_TABLE's partition_by), read into a
// declared object whose `table` is the parent. Only the bound is declared: the columns,
// constraints and indexes are the parent's.
#pragma once

#include <optional>
#include <string>

#include "schema/schema.hpp"
#include "support/diagnostics.hpp"
#include "support/sql_tokens.hpp"

namespace autogen::pipeline {

/// `CREATE TABLE [IF NOT EXISTS] [schema.]name PARTITION OF [schema.]parent {FOR VALUES IN
/// (...) | FOR VALUES FROM (...) TO (...) | FOR VALUES WITH (MODULUS m, REMAINDER r) |
/// DEFAULT}` from r[i] on (after its TABLE), or an error at the offending token of `at`'s
/// file: a CREATE TABLE of anything but a partition, a column list, constraints, storage,
/// a tablespace, a sub-partitioned partition (PARTITION BY).
std::optional<schema::SqlObject> partition_declaration(const support::TokenRange& r, std::size_t i,
                                                       const std::string& sql,
                                                       const support::SourceLocation& at,
                                                       support::Diagnostics& diags);

}  // namespace autogen::pipeline
