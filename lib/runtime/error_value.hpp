// The runtime's failures as values: the errors the stages reported into a
// support::Diagnostics become one autogen::migrate::Error (include/autogen/migrate.hpp),
// which says what, which revision and what to do; its warnings go to the logger.
#pragma once

#include <autogen/migrate.hpp>

#include "migrate/revision_graph.hpp"
#include "support/diagnostics.hpp"

namespace autogen::runtime {

/// The Error for the errors in `diags` (the first one's kind, what, where and hint; all
/// of them, formatted as the CLI prints them, in `message`). `graph`, when known, names
/// the revision whose file an error points at.
migrate::Error error_from(const support::Diagnostics& diags, const migrate::RevisionGraph* graph);

/// An Error of `kind` from one message and hint (no diagnostics behind it).
migrate::Error error_of(migrate::ErrorKind kind, std::string what, std::string hint,
                        std::string revision = {});

/// Tells `logger` (if any) of every warning in `diags`.
void log_warnings(const support::Diagnostics& diags, const migrate::Logger& logger);

}  // namespace autogen::runtime
