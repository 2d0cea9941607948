// A streaming JSON writer: appends a document to a string as the caller walks its data,
// without building a nlohmann::json DOM first, and formats it exactly as
// nlohmann::ordered_json::dump(2) formats the same data (two-space indentation, one
// member or element per line, `{}` and `[]` when empty, the same string escapes, and
// the same exception for a string that is not valid UTF-8), so that a document can be
// streamed or built as a DOM and read the same. Used for the `--json` documents of
// large schemas (docs/json.md), where the DOM cost three times the introspection.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace autogen::support {

class JsonWriter {
  public:
    /// Appends to `out`, which must outlive the writer.
    explicit JsonWriter(std::string& out) : out_(out) {}
    /// The same, handing `out` to `full` whenever it holds `piece_size` bytes or more at
    /// a line break, then going on from an empty `out`: a long document in pieces that
    /// each end with a line break, without one large buffer that grows by copying.
    JsonWriter(std::string& out, std::function<void(std::string&)> full,
               std::size_t piece_size = 64 * 1024)
        : out_(out), full_(std::move(full)), piece_size_(piece_size) {}

    /// `{` ... `}`: between them, key() before each member's value.
    JsonWriter& begin_object();
    JsonWriter& end_object();
    /// `[` ... `]`: between them, one value per element.
    JsonWriter& begin_array();
    JsonWriter& end_array();

    /// The name of the next member of the object being written.
    JsonWriter& key(std::string_view name);

    /// A string (escaped as nlohmann does: `\"`, `\\`, `\b` `\f` `\n` `\r` `\t`, other
    /// control characters as `\u00xx`, everything else, UTF-8 included, as it is).
    /// Throws nlohmann's type_error 316, as dump() does, when `s` is not valid UTF-8.
    JsonWriter& value(std::string_view s);
    JsonWriter& value(const std::string& s) { return value(std::string_view(s)); }
    JsonWriter& value(const char* s) { return value(std::string_view(s)); }
    JsonWriter& value(bool b);
    JsonWriter& value(std::nullptr_t);
    JsonWriter& value(double d);
    /// Any integer type but bool.
    template <class Int,
              std::enable_if_t<std::is_integral_v<Int> && !std::is_same_v<Int, bool>, int> = 0>
    JsonWriter& value(Int n) {
        if constexpr (std::is_signed_v<Int>)
            return signed_value(static_cast<std::int64_t>(n));
        else
            return unsigned_value(static_cast<std::uint64_t>(n));
    }
    /// null, or the value.
    template <class T>
    JsonWriter& value(const std::optional<T>& v) {
        return v ? value(*v) : value(nullptr);
    }
    /// An array of strings.
    JsonWriter& value(const std::vector<std::string>& strings);
    /// A whole DOM value, written as its dump(2) would be at this place (for the parts of
    /// a document that are small enough to build as a DOM).
    JsonWriter& value(const nlohmann::ordered_json& j);

    /// key(name) then value(v).
    template <class T>
    JsonWriter& member(std::string_view name, const T& v) {
        key(name);
        return value(v);
    }

  private:
    /// Writes what stands before a value: after a key nothing, in an array the comma,
    /// line break and indentation.
    void before_value();
    /// The line break and indentation before the next member or element of the open
    /// container (with a comma after the previous one).
    void next_item();
    void close(char bracket);
    void indent(std::size_t depth);
    void write_string(std::string_view s);
    JsonWriter& signed_value(std::int64_t n);
    JsonWriter& unsigned_value(std::uint64_t n);

    std::string& out_;
    std::function<void(std::string&)> full_;
    std::size_t piece_size_ = 0;
    /// Items written so far in each open container, innermost last.
    std::vector<std::size_t> open_;
    bool after_key_ = false;
};

}  // namespace autogen::support
