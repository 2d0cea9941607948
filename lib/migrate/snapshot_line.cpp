// FlatObject (snapshot_line.hpp): a strict reader for the JSON subset snapshot_text() writes.
#include "migrate/snapshot_line.hpp"

namespace autogen::migrate {

namespace {

/// Walks the text; every read_* returns false (and stops) on anything outside the subset.
class Cursor {
  public:
    explicit Cursor(std::string_view text) : text_(text) {}

    bool at_end() const { return pos_ == text_.size(); }
    bool take(char c) {
        if (pos_ >= text_.size() || text_[pos_] != c) return false;
        ++pos_;
        return true;
    }
    char peek() const { return pos_ < text_.size() ? text_[pos_] : '\0'; }

    /// A string of printable ASCII, no escapes (JSON needs none for these bytes).
    bool read_string(std::string_view& out) {
        if (!take('"')) return false;
        const std::size_t start = pos_;
        for (; pos_ < text_.size(); ++pos_) {
            const auto c = static_cast<unsigned char>(text_[pos_]);
            if (c == '"') {
                out = text_.substr(start, pos_ - start);
                ++pos_;
                return true;
            }
            if (c < 0x20 || c > 0x7e || c == '\\') return false;
        }
        return false;
    }

    bool read_word(std::string_view word) {
        if (text_.substr(pos_, word.size()) != word) return false;
        pos_ += word.size();
        return true;
    }

    /// 0, or up to 9 digits without a leading zero (so it fits any unsigned).
    bool read_number(std::uint32_t& out) {
        const std::size_t start = pos_;
        std::uint32_t value = 0;
        while (pos_ < text_.size() && text_[pos_] >= '0' && text_[pos_] <= '9') {
            value = value * 10 + static_cast<std::uint32_t>(text_[pos_] - '0');
            ++pos_;
        }
        const std::size_t digits = pos_ - start;
        if (digits == 0 || digits > 9 || (digits > 1 && text_[start] == '0')) return false;
        // A fraction or exponent makes it a number of another kind: not in the subset.
        if (pos_ < text_.size() && (text_[pos_] == '.' || text_[pos_] == 'e' || text_[pos_] == 'E'))
            return false;
        out = value;
        return true;
    }

  private:
    std::string_view text_;
    std::size_t pos_ = 0;
};

}  // namespace

bool FlatObject::parse(std::string_view text) {
    members_.clear();
    items_.clear();
    Cursor in(text);
    if (!in.take('{')) return false;
    if (!in.take('}')) {
        do {
            std::string_view key;
            if (!in.read_string(key) || !in.take(':')) return false;
            // A repeated key: nlohmann keeps the last; not worth mirroring here.
            if (find(key)) return false;
            Value v;
            const char c = in.peek();
            if (c == '"') {
                if (!in.read_string(v.text)) return false;
            } else if (c == 't' || c == 'f') {
                v.kind = Value::Kind::Bool;
                v.flag = c == 't';
                if (!in.read_word(v.flag ? "true" : "false")) return false;
            } else if (c == '[') {
                v.kind = Value::Kind::Array;
                v.first = items_.size();
                in.take('[');
                if (!in.take(']')) {
                    do {
                        std::string_view item;
                        if (!in.read_string(item)) return false;
                        items_.push_back(item);
                    } while (in.take(','));
                    if (!in.take(']')) return false;
                }
                v.count = items_.size() - v.first;
            } else {
                v.kind = Value::Kind::Number;
                if (!in.read_number(v.number)) return false;
            }
            members_.emplace_back(key, v);
        } while (in.take(','));
        if (!in.take('}')) return false;
    }
    return in.at_end();
}

const FlatObject::Value* FlatObject::find(std::string_view key) const {
    for (const auto& [name, value] : members_) {
        if (name == key) return &value;
    }
    return nullptr;
}

}  // namespace autogen::migrate
