// The model schema as a dialect stores it: lowered by its planner, created in a
// scratch database, read back by its inspector, so that it went through the same
// database normalisation (types, defaults, expressions) as the side it is compared with.
#pragma once

#include <optional>

#include "dialect/dialect.hpp"
#include "schema/schema.hpp"
#include "support/config.hpp"
#include "support/diagnostics.hpp"
#include "support/progress.hpp"

namespace autogen::pipeline {

/// The model schema as `dialect` stores it (`progress`: "materialising" N/M
/// statements). `cache_only`: answered from the materialised-schema cache or not at all
/// (nullopt without an error), opening no database.
std::optional<schema::Schema> materialize(const dialect::Dialect& dialect,
                                          const schema::Schema& model,
                                          const support::Config& config,
                                          support::Diagnostics& diags, bool cache_only = false,
                                          const support::ProgressCallback& progress = {});

}  // namespace autogen::pipeline
