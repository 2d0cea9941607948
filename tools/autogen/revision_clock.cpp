// revision_clock(): the wall clock, or a fixed instant for tests.
#include "revision_clock.hpp"

#include <cstdlib>
#include <ctime>
#include <iomanip>
#include <sstream>

namespace autogen::cli {

std::chrono::system_clock::time_point revision_clock() {
    const char* fixed = std::getenv("AUTOGEN_NOW");
    if (!fixed || !*fixed) return std::chrono::system_clock::now();
    std::tm tm{};
    std::istringstream in(fixed);
    in >> std::get_time(&tm, "%Y-%m-%dT%H:%M:%S");
    if (in.fail()) return std::chrono::system_clock::now();
    return std::chrono::system_clock::from_time_t(timegm(&tm));
}

}  // namespace autogen::cli
