// Small text helpers shared by every stage.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace autogen::support {

/// The items with `separator` between them: join({"a", "b"}) == "a, b".
std::string join(const std::vector<std::string>& items, std::string_view separator = ", ");

/// A duration for messages: seconds(60) == "60 s", seconds(0.5) == "0.5 s".
std::string seconds(double value);

/// The UTF-8 byte order mark that Windows editors put at the start of a file.
inline constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

}  // namespace autogen::support
