// Finding autogen's own files (built-in templates, include/autogen/model.hpp) from an
// installed prefix or from the build tree, so a user's config never names them.
#pragma once

#include <filesystem>
#include <optional>

namespace autogen::support {

/// The running executable's path (/proc/self/exe), empty if unknown.
std::filesystem::path executable_path();

/// The folder that holds `autogen/model.hpp`: $AUTOGEN_INCLUDE_DIR if set, else
/// <prefix>/include for an installed binary (<exe>/../share/autogen exists), else the
/// source tree's include/ (a binary run from its build tree).
std::optional<std::filesystem::path> model_include_dir();

/// The folder of the built-in Jinja templates: $AUTOGEN_TEMPLATE_DIR if set, else
/// <prefix>/share/autogen/templates when installed, else the source tree's templates/.
std::optional<std::filesystem::path> builtin_template_dir();

/// The version string of this build.
const char* version();

}  // namespace autogen::support
