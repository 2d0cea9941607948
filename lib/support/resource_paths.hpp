// Finding autogen's own files (built-in templates, include/autogen/model.hpp) from an
// installed prefix or from the build tree, so a user's config never names them.
#pragma once

#include <filesystem>
#include <optional>

namespace autogen::support {

/// The running executable's path (/proc/self/exe), empty if unknown.
std::filesystem::path executable_path();

/// The folder that holds `autogen/model.hpp`. Looked up in order:
/// $AUTOGEN_INCLUDE_DIR, <exe>/../include (installed prefix), <source tree>/include.
std::optional<std::filesystem::path> model_include_dir();

/// The folder of the built-in Jinja templates. Looked up in order:
/// $AUTOGEN_TEMPLATE_DIR, <exe>/../share/autogen/templates, <source tree>/templates.
std::optional<std::filesystem::path> builtin_template_dir();

/// The version string of this build.
const char* version();

}  // namespace autogen::support
