// How autogen shows a path to the user: relative to a folder (the project, the current
// folder) when it lies inside it, as it is otherwise.
#pragma once

#include <filesystem>
#include <string>

namespace autogen::support {

/// `p` relative to `base` when it lies inside it (what a user would type from there);
/// `p` as it is when it is already relative or lies outside `base`.
std::string relative_inside(const std::filesystem::path& p, const std::filesystem::path& base);

}  // namespace autogen::support
