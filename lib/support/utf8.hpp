// The one UTF-8 decoder: what is valid UTF-8 (the Unicode standard's table 3-7, the
// rule nlohmann::json's serializer applies too) and which code point it spells.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace autogen::support {

/// Length of the valid UTF-8 sequence at `s[i]` (i < s.size()) and its code point in
/// `cp`; 0 if the bytes there are not valid UTF-8 (stray continuation, overlong form,
/// surrogate, above U+10FFFF, truncated).
std::size_t decode_utf8(std::string_view s, std::size_t i, std::uint32_t& cp);

}  // namespace autogen::support
