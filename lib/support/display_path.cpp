// Implementation of display_path.hpp.
#include "support/display_path.hpp"

namespace autogen::support {

std::string relative_inside(const std::filesystem::path& p, const std::filesystem::path& base) {
    if (p.is_relative()) return p.string();
    auto r = p.lexically_relative(base);
    return r.empty() || r.native().rfind("..", 0) == 0 ? p.string() : r.string();
}

}  // namespace autogen::support
