// Resource look-up: installed prefix first (relative to the executable, so a moved
// prefix still works), then the source tree this binary was built from.
#include "support/resource_paths.hpp"

#include <cstdlib>
#include <system_error>

namespace autogen::support {

namespace fs = std::filesystem;

namespace {
std::optional<fs::path> first_existing(std::initializer_list<fs::path> candidates,
                                       const fs::path& probe) {
    for (const auto& dir : candidates) {
        if (dir.empty()) continue;
        std::error_code ec;
        if (fs::exists(dir / probe, ec)) return fs::weakly_canonical(dir, ec);
    }
    return std::nullopt;
}

fs::path from_env(const char* name) {
    const char* v = std::getenv(name);
    return v && *v ? fs::path(v) : fs::path();
}

fs::path prefix() {
    auto exe = executable_path();
    return exe.empty() ? fs::path() : exe.parent_path().parent_path();
}
}  // namespace

fs::path executable_path() {
    std::error_code ec;
    auto p = fs::read_symlink("/proc/self/exe", ec);
    return ec ? fs::path() : p;
}

/// An installed binary (one with <prefix>/share/autogen beside it) uses only its
/// prefix, never the source tree it was built from: a broken install must show.
bool installed() {
    auto pre = prefix();
    std::error_code ec;
    return !pre.empty() && fs::is_directory(pre / AUTOGEN_INSTALL_DATADIR, ec);
}

std::optional<fs::path> model_include_dir() {
    fs::path tree = installed() ? prefix() / AUTOGEN_INSTALL_INCLUDEDIR
                                : fs::path(AUTOGEN_SOURCE_DIR) / "include";
    return first_existing({from_env("AUTOGEN_INCLUDE_DIR"), tree}, "autogen/model.hpp");
}

std::optional<fs::path> builtin_template_dir() {
    fs::path tree = installed() ? prefix() / AUTOGEN_INSTALL_DATADIR / "templates"
                                : fs::path(AUTOGEN_SOURCE_DIR) / "templates";
    return first_existing({from_env("AUTOGEN_TEMPLATE_DIR"), tree}, "revision.sql.j2");
}

const char* version() { return AUTOGEN_VERSION; }

}  // namespace autogen::support
