// Python string semantics on UTF-8 (see text.hpp).
#include "jinja/text.hpp"

#include "jinja/error.hpp"
#include "jinja/value.hpp"

namespace autogen::codegen::jinja::text {

namespace {
char32_t up(char32_t c) {
    if (c >= 'a' && c <= 'z') return c - 32;
    if (c >= 0xE0 && c <= 0xFE && c != 0xF7) return c - 32;
    return c;
}
char32_t low(char32_t c) {
    if (c >= 'A' && c <= 'Z') return c + 32;
    if (c >= 0xC0 && c <= 0xDE && c != 0xD7) return c + 32;
    return c;
}
bool is_alpha(char32_t c) { return up(c) != low(c) || c == 0xDF || c == 0xFF; }

std::string map_cp(const std::string& s, char32_t (*f)(char32_t)) {
    std::u32string u = utf8_decode(s);
    for (auto& c : u) c = f(c);
    return utf8_encode(u);
}
}  // namespace

std::string to_upper(const std::string& s) { return map_cp(s, up); }
std::string to_lower(const std::string& s) { return map_cp(s, low); }

std::string capitalize(const std::string& s) {
    std::u32string u = utf8_decode(s);
    for (std::size_t i = 0; i < u.size(); ++i) u[i] = i == 0 ? up(u[i]) : low(u[i]);
    return utf8_encode(u);
}

std::string py_title(const std::string& s) {
    std::u32string u = utf8_decode(s);
    bool prev_cased = false;
    for (auto& c : u) {
        bool alpha = is_alpha(c);
        c = alpha ? (prev_cased ? low(c) : up(c)) : c;
        prev_cased = alpha;
    }
    return utf8_encode(u);
}

bool is_space(char32_t c) {
    return c == ' ' || (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x1F) || c == 0x85 ||
           c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 ||
           c == 0x202F || c == 0x205F || c == 0x3000;
}

std::string strip(const std::string& s, bool left, bool right, const std::string* chars) {
    std::u32string u = utf8_decode(s);
    std::u32string set = chars ? utf8_decode(*chars) : std::u32string();
    auto strippable = [&](char32_t c) {
        return chars ? set.find(c) != std::u32string::npos : is_space(c);
    };
    std::size_t b = 0, e = u.size();
    if (left)
        while (b < e && strippable(u[b])) ++b;
    if (right)
        while (e > b && strippable(u[e - 1])) --e;
    return utf8_encode(u.substr(b, e - b));
}

std::vector<std::string> split(const std::string& s, const std::string* sep,
                               std::int64_t maxsplit) {
    std::vector<std::string> out;
    if (sep != nullptr) {
        if (sep->empty()) throw ValueError("empty separator");
        std::size_t pos = 0;
        while (maxsplit < 0 || static_cast<std::int64_t>(out.size()) < maxsplit) {
            std::size_t f = s.find(*sep, pos);
            if (f == std::string::npos) break;
            out.push_back(s.substr(pos, f - pos));
            pos = f + sep->size();
        }
        out.push_back(s.substr(pos));
        return out;
    }
    std::u32string u = utf8_decode(s);
    std::size_t i = 0;
    while (true) {
        while (i < u.size() && is_space(u[i])) ++i;
        if (i >= u.size()) break;
        if (maxsplit >= 0 && static_cast<std::int64_t>(out.size()) >= maxsplit) {
            std::size_t e = u.size();
            while (e > i && is_space(u[e - 1])) --e;
            out.push_back(utf8_encode(u.substr(i, e - i)));
            break;
        }
        std::size_t j = i;
        while (j < u.size() && !is_space(u[j])) ++j;
        out.push_back(utf8_encode(u.substr(i, j - i)));
        i = j;
    }
    return out;
}

std::string replace(const std::string& s, const std::string& from, const std::string& to,
                    std::int64_t count) {
    if (from.empty()) {
        // Python inserts `to` between every character (and at both ends)
        std::u32string u = utf8_decode(s);
        std::string out;
        std::int64_t n = 0;
        for (std::size_t i = 0; i <= u.size(); ++i) {
            if (count < 0 || n < count) {
                out += to;
                ++n;
            }
            if (i < u.size()) out += utf8_encode(u.substr(i, 1));
        }
        return out;
    }
    std::string out;
    std::size_t pos = 0;
    std::int64_t n = 0;
    while (count < 0 || n < count) {
        std::size_t f = s.find(from, pos);
        if (f == std::string::npos) break;
        out += s.substr(pos, f - pos) + to;
        pos = f + from.size();
        ++n;
    }
    return out + s.substr(pos);
}

bool starts_with(const std::string& s, const std::string& prefix) {
    return s.rfind(prefix, 0) == 0;
}
bool ends_with(const std::string& s, const std::string& suffix) {
    return s.size() >= suffix.size() &&
           s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::size_t count(const std::string& s, const std::string& sub) {
    if (sub.empty()) return utf8_length(s) + 1;
    std::size_t n = 0;
    for (std::size_t pos = s.find(sub); pos != std::string::npos;
         pos = s.find(sub, pos + sub.size()))
        ++n;
    return n;
}

}  // namespace autogen::codegen::jinja::text
