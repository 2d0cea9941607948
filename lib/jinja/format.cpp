// Two output formats filters need: Python's printf-style `format % args` (the format
// filter) and json.dumps(sort_keys=True) with Jinja's HTML-safe escapes (tojson).
#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>

#include "jinja/filters.hpp"

namespace autogen::codegen::jinja {

namespace {

std::string pad(const std::string& s, std::size_t width, bool left) {
    std::size_t len = utf8_length(s);
    if (len >= width) return s;
    std::string fill(width - len, ' ');
    return left ? s + fill : fill + s;
}

}  // namespace

std::string percent_format(const std::string& fmt, const Val& args) {
    std::vector<Val> positional;
    bool mapping = args.is_dict();
    if (args.is_list())
        for (const auto& e : args.json) positional.emplace_back(e);
    std::size_t next = 0;
    std::string out;
    for (std::size_t i = 0; i < fmt.size(); ++i) {
        if (fmt[i] != '%') {
            out += fmt[i];
            continue;
        }
        if (++i >= fmt.size()) throw ValueError("incomplete format");
        Val arg;
        bool have_arg = false;
        if (fmt[i] == '(') {
            std::size_t close = fmt.find(')', i);
            if (close == std::string::npos) throw ValueError("incomplete format key");
            if (!mapping) throw ValueError("format requires a mapping");
            std::string key = fmt.substr(i + 1, close - i - 1);
            auto it = args.json.find(key);
            if (it == args.json.end()) throw ValueError("KeyError: '" + key + "'");
            arg = Val(*it);
            have_arg = true;
            i = close + 1;
        }
        std::string flags;
        while (i < fmt.size() && std::string("-+ #0").find(fmt[i]) != std::string::npos)
            flags += fmt[i++];
        std::string width, precision;
        while (i < fmt.size() && std::isdigit(static_cast<unsigned char>(fmt[i])))
            width += fmt[i++];
        if (i < fmt.size() && fmt[i] == '.') {
            precision = ".";
            ++i;
            while (i < fmt.size() && std::isdigit(static_cast<unsigned char>(fmt[i])))
                precision += fmt[i++];
        }
        while (i < fmt.size() && (fmt[i] == 'l' || fmt[i] == 'h' || fmt[i] == 'L')) ++i;
        if (i >= fmt.size()) throw ValueError("incomplete format");
        char conv = fmt[i];
        if (conv == '%') {
            out += '%';
            continue;
        }
        if (!have_arg) {
            if (mapping) throw ValueError("format requires a mapping");
            if (next >= positional.size())
                throw ValueError("not enough arguments for format string");
            arg = positional[next++];
        }
        bool left = flags.find('-') != std::string::npos;
        std::size_t w = width.empty() ? 0 : static_cast<std::size_t>(std::stoul(width));
        char buf[512];
        std::string spec = "%" + flags + width + precision;
        switch (conv) {
            case 's':
            case 'r':
            case 'a': {
                std::string s =
                    conv == 's' ? to_str(arg) : (arg.is_data() ? repr(arg.json) : to_str(arg));
                if (precision.size() > 1) {
                    std::u32string u = utf8_decode(s);
                    s = utf8_encode(u.substr(0, std::stoul(precision.substr(1))));
                }
                out += pad(s, w, left);
                break;
            }
            case 'd':
            case 'i':
            case 'u': {
                if (!arg.is_number())
                    throw ValueError("%" + std::string(1, conv) +
                                     " format: a real number is required, not " + type_name(arg));
                long long v =
                    arg.is_float() ? truncate_to_int(arg.json.get<double>()) : as_int(arg);
                std::snprintf(buf, sizeof buf, (spec + "lld").c_str(), v);
                out += buf;
                break;
            }
            case 'x':
            case 'X':
            case 'o': {
                if (!arg.is_int())
                    throw ValueError("%" + std::string(1, conv) +
                                     " format: an integer is required, not " + type_name(arg));
                long long v = as_int(arg);
                bool neg = v < 0;
                std::string f = spec;
                std::snprintf(buf, sizeof buf, (f + "ll" + conv).c_str(),
                              static_cast<unsigned long long>(neg ? -v : v));
                std::string s = buf;
                if (neg) {
                    // put the sign after the padding spaces, before the digits
                    std::size_t p = s.find_first_not_of(' ');
                    s.insert(p, "-");
                    if (s.size() > w && s[0] == ' ') s.erase(0, 1);
                }
                out += s;
                break;
            }
            case 'f':
            case 'F':
            case 'e':
            case 'E':
            case 'g':
            case 'G': {
                if (!arg.is_number())
                    throw ValueError("must be real number, not " + type_name(arg));
                std::snprintf(buf, sizeof buf, (spec + conv).c_str(), as_double(arg));
                out += buf;
                break;
            }
            case 'c': {
                std::string s =
                    arg.is_int()
                        ? utf8_encode(std::u32string(1, static_cast<char32_t>(as_int(arg))))
                        : to_str(arg);
                out += pad(s, w, left);
                break;
            }
            default:
                throw ValueError(std::string("unsupported format character '") + conv + "'");
        }
    }
    if (!mapping && next < positional.size())
        throw ValueError("not all arguments converted during string formatting");
    return out;
}

namespace {

void json_string(const std::string& s, std::string& out) {
    static const char* hex = "0123456789abcdef";
    auto u4 = [&](unsigned v) {
        out += "\\u";
        for (int k = 3; k >= 0; --k) out += hex[(v >> (4 * k)) & 0xF];
    };
    out += '"';
    for (char32_t c : utf8_decode(s)) {
        switch (c) {
            case '"':
                out += "\\\"";
                break;
            case '\\':
                out += "\\\\";
                break;
            case '\n':
                out += "\\n";
                break;
            case '\r':
                out += "\\r";
                break;
            case '\t':
                out += "\\t";
                break;
            case '\b':
                out += "\\b";
                break;
            case '\f':
                out += "\\f";
                break;
            // Jinja's htmlsafe_json_dumps
            case '<':
                out += "\\u003c";
                break;
            case '>':
                out += "\\u003e";
                break;
            case '&':
                out += "\\u0026";
                break;
            case '\'':
                out += "\\u0027";
                break;
            default:
                if (c >= 0x20 && c < 0x7F) {
                    out += static_cast<char>(c);
                } else if (c >= 0x10000) {
                    char32_t v = c - 0x10000;
                    u4(0xD800 + static_cast<unsigned>(v >> 10));
                    u4(0xDC00 + static_cast<unsigned>(v & 0x3FF));
                } else {
                    u4(static_cast<unsigned>(c));
                }
        }
    }
    out += '"';
}

void dump(const Json& j, int indent, int level, std::string& out) {
    NestingGuard guard;
    auto newline = [&](int lvl) {
        out += '\n';
        out += std::string(static_cast<std::size_t>(indent * lvl), ' ');
    };
    switch (j.type()) {
        case Json::value_t::null:
            out += "null";
            return;
        case Json::value_t::boolean:
            out += j.get<bool>() ? "true" : "false";
            return;
        case Json::value_t::number_integer:
            out += std::to_string(j.get<std::int64_t>());
            return;
        case Json::value_t::number_unsigned:
            out += std::to_string(j.get<std::uint64_t>());
            return;
        case Json::value_t::number_float: {
            double d = j.get<double>();
            out += std::isnan(d)   ? "NaN"
                   : std::isinf(d) ? (d < 0 ? "-Infinity" : "Infinity")
                                   : float_repr(d);
            return;
        }
        case Json::value_t::string:
            json_string(j.get<std::string>(), out);
            return;
        case Json::value_t::array: {
            if (j.empty()) {
                out += "[]";
                return;
            }
            out += '[';
            for (std::size_t i = 0; i < j.size(); ++i) {
                if (i != 0) out += indent >= 0 ? "," : ", ";
                if (indent >= 0) newline(level + 1);
                dump(j[i], indent, level + 1, out);
            }
            if (indent >= 0) newline(level);
            out += ']';
            return;
        }
        case Json::value_t::object: {
            if (j.empty()) {
                out += "{}";
                return;
            }
            std::vector<std::string> keys;
            for (const auto& [k, v] : j.items()) keys.push_back(k);
            std::sort(keys.begin(), keys.end());
            out += '{';
            for (std::size_t i = 0; i < keys.size(); ++i) {
                if (i != 0) out += indent >= 0 ? "," : ", ";
                if (indent >= 0) newline(level + 1);
                json_string(keys[i], out);
                out += ": ";
                dump(j.at(keys[i]), indent, level + 1, out);
            }
            if (indent >= 0) newline(level);
            out += '}';
            return;
        }
        default:
            throw ValueError("Object of type Undefined is not JSON serializable");
    }
}

}  // namespace

std::string to_json_text(const Json& v, int indent) {
    std::string out;
    dump(v, indent, 0, out);
    return out;
}

}  // namespace autogen::codegen::jinja
