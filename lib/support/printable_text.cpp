// Escaping of control characters in text from files (see printable_text.hpp): one small
// UTF-8 decoder, and one rule for what is shown as an escape.
#include "support/printable_text.hpp"

#include <cstdint>
#include <cstdio>

namespace autogen::support {

namespace {

/// Length of the valid UTF-8 sequence at `s[i]` and its code point; 0 if the bytes there
/// are not valid UTF-8 (stray continuation, overlong form, surrogate, above U+10FFFF,
/// truncated).
std::size_t decode(std::string_view s, std::size_t i, std::uint32_t& cp) {
    auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    unsigned char b0 = byte(i);
    std::size_t len;
    std::uint32_t min;
    if (b0 < 0x80) {
        cp = b0;
        return 1;
    } else if ((b0 & 0xE0) == 0xC0) {
        len = 2, cp = b0 & 0x1Fu, min = 0x80;
    } else if ((b0 & 0xF0) == 0xE0) {
        len = 3, cp = b0 & 0x0Fu, min = 0x800;
    } else if ((b0 & 0xF8) == 0xF0) {
        len = 4, cp = b0 & 0x07u, min = 0x10000;
    } else {
        return 0;
    }
    if (i + len > s.size()) return 0;
    for (std::size_t k = 1; k < len; ++k) {
        if ((byte(i + k) & 0xC0) != 0x80) return 0;
        cp = (cp << 6) | (byte(i + k) & 0x3Fu);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
    return len;
}

/// Code points that move the cursor, end a line or reorder what is shown.
bool shown_escaped(std::uint32_t cp) {
    return cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F) || cp == 0x2028 || cp == 0x2029 ||
           (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

std::string escape(std::string_view text, bool keep_lines) {
    std::string out;
    out.reserve(text.size());
    char buf[8];
    for (std::size_t i = 0; i < text.size();) {
        std::uint32_t cp = 0;
        std::size_t len = decode(text, i, cp);
        if (len == 0) {
            std::snprintf(buf, sizeof buf, "\\x%02x", static_cast<unsigned char>(text[i]));
            out += buf;
            ++i;
            continue;
        }
        if (cp == '\t' || (keep_lines && cp == '\n') || !shown_escaped(cp)) {
            out.append(text, i, len);
        } else if (cp == '\r') {
            out += "\\r";
        } else if (cp == '\n') {
            out += "\\n";
        } else {
            std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(cp));
            out += buf;
        }
        i += len;
    }
    return out;
}

}  // namespace

std::string one_line_text(std::string_view text) { return escape(text, false); }

std::string terminal_text(std::string_view text) { return escape(text, true); }

}  // namespace autogen::support
