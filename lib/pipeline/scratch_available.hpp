// Whether a dialect can open a scratch database now, asked without creating one.
#pragma once

#include <string>

#include "dialect/dialect.hpp"
#include "support/config.hpp"

namespace autogen::pipeline {

/// True if `dialect` can open a scratch database now (an in-memory SQLite always can;
/// a server dialect needs its server: [database] dev_url), asked through
/// Dialect::scratch_ready, which creates no database. The reason it cannot goes to `why`.
bool scratch_available(const dialect::Dialect& dialect, const support::Config& config,
                       std::string& why);

}  // namespace autogen::pipeline
