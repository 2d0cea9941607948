// The model schema as a dialect stores it: lowered by its planner, created in a
// scratch database, read back by its inspector, so that it went through the same
// database normalisation (types, defaults, expressions) as the side it is compared with.
#pragma once

#include <map>
#include <optional>
#include <string>

#include "dialect/dialect.hpp"
#include "schema/schema.hpp"
#include "support/config.hpp"
#include "support/diagnostics.hpp"
#include "support/progress.hpp"

namespace autogen::pipeline {

/// What may stand in for creating a table in a scratch database: a schema read back
/// from a database (the live one) and the digests autogen.sum records for table keys
/// (table_memo.hpp). A table of `witness` stands for the model table of key K when
/// `digests` maps K to the witness table's digest.
struct MaterializeHints {
    const schema::Schema* witness = nullptr;
    const std::map<std::string, std::string>* digests = nullptr;
};

/// The model schema as `dialect` stores it (`progress`: "materialising" N/M
/// statements). Answered from the materialised-schema cache when the whole schema was
/// read back before; else table by table from the per-table memo or `hints`, creating
/// only the other tables (and the tables they reference) in a scratch database.
/// `cache_only`: answered without a scratch database or not at all (nullopt without an
/// error).
std::optional<schema::Schema> materialize(const dialect::Dialect& dialect,
                                          const schema::Schema& model,
                                          const support::Config& config,
                                          support::Diagnostics& diags, bool cache_only = false,
                                          const support::ProgressCallback& progress = {},
                                          const MaterializeHints& hints = {});

}  // namespace autogen::pipeline
