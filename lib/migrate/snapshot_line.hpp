// The JSON object of a snapshot line (schema_snapshot.hpp) read in place, without
// building a JSON document, for the form snapshot_text() writes: no whitespace; strings
// of printable ASCII without escapes; true, false, unsigned integers of up to 9 digits;
// arrays of such strings. Everything else, valid JSON or not, is refused, and the caller
// reads that line with nlohmann::json instead, whose answer (or error) stays the
// reference: what this accepts is a subset of JSON that both read alike. A snapshot of
// 1,000 tables is ~20,000 lines, read on every warm `check`.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

namespace autogen::migrate {

/// One object, its members pointing into the text it was parsed from.
class FlatObject {
  public:
    struct Value {
        enum class Kind { String, Bool, Number, Array };
        Kind kind = Kind::String;
        std::string_view text;     ///< String
        bool flag = false;         ///< Bool
        std::uint32_t number = 0;  ///< Number
        std::size_t first = 0;     ///< Array: index of its first item (item())
        std::size_t count = 0;     ///< Array: how many items
    };

    /// Reads `text` (one whole object); false when it is not in the form above, which
    /// says nothing about whether it is valid JSON. Replaces what an earlier call read.
    bool parse(std::string_view text);

    /// The member named `key`, or nullptr.
    const Value* find(std::string_view key) const;

    /// An array's item: `value.first + i` for its i-th.
    std::string_view item(std::size_t index) const { return items_[index]; }

  private:
    std::vector<std::pair<std::string_view, Value>> members_;
    std::vector<std::string_view> items_;
};

}  // namespace autogen::migrate
