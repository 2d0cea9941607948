// renamed_positions() (enum_labels.hpp).
#include "schema/enum_labels.hpp"

#include <algorithm>

namespace autogen::schema {

std::vector<std::size_t> renamed_positions(const std::vector<std::string>& from,
                                           const std::vector<std::string>& to) {
    if (from.size() != to.size()) return {};
    auto contains = [](const std::vector<std::string>& v, const std::string& s) {
        return std::find(v.begin(), v.end(), s) != v.end();
    };
    std::vector<std::size_t> out;
    for (std::size_t i = 0; i < from.size(); ++i) {
        if (from[i] == to[i]) continue;
        if (contains(to, from[i]) || contains(from, to[i])) return {};
        out.push_back(i);
    }
    return out;
}

}  // namespace autogen::schema
