// What autogen.sum records about how a dialect's server reads its snapshot back (the
// `normalized` sections, migrate/sum_file.hpp): each snapshot table's key and the
// digest of its read-back form. A fresh clone then takes a live table whose digest
// matches as the snapshot table's read-back form instead of creating it again.
#pragma once

#include <optional>

#include "dialect/dialect.hpp"
#include "migrate/sum_file.hpp"
#include "schema/schema.hpp"
#include "support/config.hpp"

namespace autogen::pipeline {

/// The `normalized` section of `dialect` for `snapshot` (the unlowered model schema),
/// from the per-table memo alone (no database): nullopt when a table was never read
/// back on this machine, or the server does not answer.
std::optional<migrate::NormalizedTables> remembered_digests(const dialect::Dialect& dialect,
                                                            const schema::Schema& snapshot,
                                                            const support::Config& config);

}  // namespace autogen::pipeline
