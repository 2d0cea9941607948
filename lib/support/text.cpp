// Small text helpers shared by every stage.
#include "support/text.hpp"

namespace autogen::support {

std::string join(const std::vector<std::string>& items, std::string_view separator) {
    std::string out;
    for (const auto& item : items) {
        if (!out.empty()) out += separator;
        out += item;
    }
    return out;
}

std::string seconds(double value) {
    std::string text = std::to_string(value);  // "60.000000"
    text.erase(text.find_last_not_of('0') + 1);
    if (!text.empty() && text.back() == '.') text.pop_back();
    return text + " s";
}

}  // namespace autogen::support
