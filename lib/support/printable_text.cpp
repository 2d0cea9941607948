// Escaping of control characters in text from files (see printable_text.hpp): one rule
// for what is shown as an escape.
#include "support/printable_text.hpp"

#include <cstdint>
#include <cstdio>

#include "support/utf8.hpp"

namespace autogen::support {

namespace {

/// Code points that move the cursor, end a line or reorder what is shown.
bool shown_escaped(std::uint32_t cp) {
    return cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F) || cp == 0x2028 || cp == 0x2029 ||
           (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

/// An ASCII character kept as it is (a shortcut past decode_utf8 and shown_escaped).
bool kept_ascii(char c, bool keep_lines) {
    return (c >= 0x20 && c < 0x7F) || c == '\t' || (keep_lines && c == '\n');
}

std::string escape(std::string_view text, bool keep_lines) {
    std::string out;
    out.reserve(text.size());
    char buf[8];
    for (std::size_t i = 0; i < text.size();) {
        std::uint32_t cp = 0;
        std::size_t len = decode_utf8(text, i, cp);
        if (len == 0) {
            std::snprintf(buf, sizeof buf, "\\x%02x", static_cast<unsigned char>(text[i]));
            out += buf;
            ++i;
            continue;
        }
        if (cp == '\t' || (keep_lines && cp == '\n') || !shown_escaped(cp)) {
            // Kept: with the printable ASCII after it in one append (a 5 MB --json
            // document is mostly that).
            std::size_t end = i + len;
            while (end < text.size() && kept_ascii(text[end], keep_lines)) ++end;
            out.append(text, i, end - i);
            i = end;
            continue;
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
