// DDL for declarative partitioning (docs/objects.md "Partitions"): a partition's new
// bound, and the refusal of a partition key that changes on an existing table.
#pragma once

#include <string>
#include <vector>

#include "schema/operation.hpp"
#include "schema/schema.hpp"
#include "support/diagnostics.hpp"

namespace autogen::codegen::postgres {

/// A partition `from` whose bound becomes `to`'s: DETACH PARTITION, then ATTACH PARTITION
/// with the new bound. The rows stay in the partition; ATTACH checks that they fit it.
std::vector<std::string> rebound_partition_sql(const schema::SqlObject& from,
                                               const schema::SqlObject& to);

/// PostgreSQL cannot add, drop or change a table's PARTITION BY in place: a Model error at
/// the table's struct in `models` (said once: the downgrade, whose target is the database's
/// side, knows no location) with how to do it by hand. No-op when the key stays.
void refuse_repartition(const schema::AlterTableOptions& o, const schema::Schema& models,
                        support::Diagnostics& diags);

}  // namespace autogen::codegen::postgres
