// Helpers shared by every inspector.
#include "introspect/inspector.hpp"

namespace autogen::introspect {

bool is_version_table(const std::string& name, const InspectOptions& options) {
    return name == options.version_table || name == options.version_table + "_log";
}

bool glob_match(const std::string& pattern, const std::string& name) {
    // Iterative '*' / '?' matcher with backtracking to the last star.
    std::size_t p = 0, n = 0, star = std::string::npos, mark = 0;
    while (n < name.size()) {
        if (p < pattern.size() && (pattern[p] == '?' || pattern[p] == name[n])) {
            ++p;
            ++n;
        } else if (p < pattern.size() && pattern[p] == '*') {
            star = p++;
            mark = n;
        } else if (star != std::string::npos) {
            p = star + 1;
            n = ++mark;
        } else {
            return false;
        }
    }
    while (p < pattern.size() && pattern[p] == '*') ++p;
    return p == pattern.size();
}

}  // namespace autogen::introspect
