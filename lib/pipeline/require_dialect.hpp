// The dialect a name in autogen.toml or a URL scheme asks for, or an error naming
// the ones this build has.
#pragma once

#include <string>

#include "dialect/dialect.hpp"
#include "support/diagnostics.hpp"

namespace autogen::pipeline {

/// The dialect named `name`, or nullptr after a Config error saying which ones exist.
const dialect::Dialect* require_dialect(const dialect::DialectRegistry& dialects,
                                        const std::string& name, support::Diagnostics& diags);

}  // namespace autogen::pipeline
