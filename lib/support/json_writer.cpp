// The streaming JSON writer (see json_writer.hpp). Its formatting follows
// nlohmann/detail/output/serializer.hpp (dump with indent 2, ensure_ascii off, the
// strict error handler); json_writer_test.cpp compares the two byte for byte.
#include "support/json_writer.hpp"

#include <charconv>
#include <stdexcept>

#include "support/utf8.hpp"

namespace autogen::support {

JsonWriter& JsonWriter::begin_object() {
    before_value();
    out_ += '{';
    open_.push_back(0);
    return *this;
}

JsonWriter& JsonWriter::end_object() {
    close('}');
    return *this;
}

JsonWriter& JsonWriter::begin_array() {
    before_value();
    out_ += '[';
    open_.push_back(0);
    return *this;
}

JsonWriter& JsonWriter::end_array() {
    close(']');
    return *this;
}

JsonWriter& JsonWriter::key(std::string_view name) {
    if (open_.empty() || after_key_) throw std::logic_error("JsonWriter: a key outside an object");
    next_item();
    write_string(name);
    out_ += ": ";
    after_key_ = true;
    return *this;
}

JsonWriter& JsonWriter::value(std::string_view s) {
    before_value();
    write_string(s);
    return *this;
}

JsonWriter& JsonWriter::value(bool b) {
    before_value();
    out_ += b ? "true" : "false";
    return *this;
}

JsonWriter& JsonWriter::value(std::nullptr_t) {
    before_value();
    out_ += "null";
    return *this;
}

JsonWriter& JsonWriter::value(double d) {
    before_value();
    // nlohmann's float formatting (grisu2, "1.0" for whole numbers, null for NaN) as it is.
    out_ += nlohmann::ordered_json(d).dump();
    return *this;
}

JsonWriter& JsonWriter::signed_value(std::int64_t n) {
    before_value();
    char buf[24];
    auto end = std::to_chars(buf, buf + sizeof buf, n).ptr;
    out_.append(buf, end);
    return *this;
}

JsonWriter& JsonWriter::unsigned_value(std::uint64_t n) {
    before_value();
    char buf[24];
    auto end = std::to_chars(buf, buf + sizeof buf, n).ptr;
    out_.append(buf, end);
    return *this;
}

JsonWriter& JsonWriter::value(const std::vector<std::string>& strings) {
    begin_array();
    for (const auto& s : strings) value(s);
    return end_array();
}

JsonWriter& JsonWriter::value(const nlohmann::ordered_json& j) {
    using Type = nlohmann::ordered_json::value_t;
    switch (j.type()) {
        case Type::object:
            begin_object();
            for (const auto& [name, member] : j.items()) {
                key(name);
                value(member);
            }
            return end_object();
        case Type::array:
            begin_array();
            for (const auto& element : j) value(element);
            return end_array();
        case Type::string:
            return value(j.get_ref<const std::string&>());
        case Type::boolean:
            return value(j.get<bool>());
        case Type::number_integer:
            return signed_value(j.get<std::int64_t>());
        case Type::number_unsigned:
            return unsigned_value(j.get<std::uint64_t>());
        case Type::number_float:
            return value(j.get<double>());
        case Type::null:
            return value(nullptr);
        case Type::binary:
        case Type::discarded:
            break;
    }
    // Never in autogen's documents; dump() would indent a binary's members from column 0.
    throw std::logic_error("JsonWriter: binary and discarded values are not written");
}

void JsonWriter::before_value() {
    if (after_key_) {
        after_key_ = false;
        return;
    }
    if (open_.empty()) return;  // the document's one top-level value
    next_item();
}

void JsonWriter::next_item() {
    out_ += open_.back()++ == 0 ? "\n" : ",\n";
    if (full_ && out_.size() >= piece_size_) {
        full_(out_);
        out_.clear();
    }
    indent(open_.size());
}

void JsonWriter::close(char bracket) {
    if (open_.empty() || after_key_) throw std::logic_error("JsonWriter: unbalanced close");
    const bool empty = open_.back() == 0;
    open_.pop_back();
    if (!empty) {
        out_ += '\n';
        indent(open_.size());
    }
    out_ += bracket;
}

void JsonWriter::indent(std::size_t depth) { out_.append(2 * depth, ' '); }

void JsonWriter::write_string(std::string_view s) {
    static constexpr char kHex[] = "0123456789abcdef";
    const std::size_t start = out_.size();
    out_ += '"';
    std::size_t plain = 0;  // start of the bytes not yet copied
    for (std::size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c >= 0x80) {
            std::uint32_t cp = 0;
            const std::size_t len = decode_utf8(s, i, cp);
            if (len == 0) {
                // Not UTF-8: nlohmann's own dump throws its type_error 316 (with the byte's
                // index), as dumping the DOM would.
                out_.resize(start);
                out_ += nlohmann::ordered_json(std::string(s)).dump();
                return;
            }
            i += len;
            continue;
        }
        if (c >= 0x20 && c != '"' && c != '\\') {
            ++i;
            continue;
        }
        out_.append(s.data() + plain, i - plain);
        switch (c) {
            case '"':
                out_ += "\\\"";
                break;
            case '\\':
                out_ += "\\\\";
                break;
            case '\b':
                out_ += "\\b";
                break;
            case '\f':
                out_ += "\\f";
                break;
            case '\n':
                out_ += "\\n";
                break;
            case '\r':
                out_ += "\\r";
                break;
            case '\t':
                out_ += "\\t";
                break;
            default:
                out_ += "\\u00";
                out_ += kHex[c >> 4];
                out_ += kHex[c & 0xF];
        }
        plain = ++i;
    }
    out_.append(s.data() + plain, s.size() - plain);
    out_ += '"';
}

}  // namespace autogen::support
