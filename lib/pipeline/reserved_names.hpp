// Table names a model may not use: autogen's own tables, the version table
// ([migrations] version_table) and its log ("<version_table>_log"). The inspectors
// never report them, so a model table of that name would be silently left out of
// every revision; it is a model error instead.
#pragma once

#include "schema/schema.hpp"
#include "support/config.hpp"
#include "support/diagnostics.hpp"

namespace autogen::pipeline {

/// A Model error at each table of `models` named like the version table or its log
/// (in any schema: the inspectors skip them by name). True when there is none.
bool check_reserved_names(support::Diagnostics& diags, const support::Config& config,
                          const schema::Schema& models);

}  // namespace autogen::pipeline
