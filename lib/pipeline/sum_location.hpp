// Where migrations/autogen.sum is, on disk and as users see it.
#pragma once

#include <filesystem>
#include <string>

#include "support/config.hpp"

namespace autogen::pipeline {

/// <migrations>/autogen.sum.
std::filesystem::path sum_path(const support::Config& config);
/// "migrations/autogen.sum" as users see it (relative to the project).
std::string sum_display(const support::Config& config);

}  // namespace autogen::pipeline
