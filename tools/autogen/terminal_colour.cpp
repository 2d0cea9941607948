// ANSI colour codes for the tones of terminal_colour.hpp, and when to use them.
#include "terminal_colour.hpp"

#include <unistd.h>

#include <cstdlib>

namespace autogen::cli {

bool colour_wanted(int fd, bool no_color_flag) {
    // no-color.org: set at all means no colour (an empty value counts too: it was set on purpose).
    if (no_color_flag || std::getenv("NO_COLOR") != nullptr) return false;
    return isatty(fd) != 0;
}

std::string paint(const std::string& text, Tone tone, bool colour) {
    if (!colour || text.empty()) return text;
    const char* code = nullptr;
    switch (tone) {
        case Tone::Plain:
            return text;
        case Tone::Error:
            code = "\x1b[1;31m";
            break;
        case Tone::Warning:
            code = "\x1b[1;33m";
            break;
        case Tone::Danger:
            code = "\x1b[1;31m";
            break;
        case Tone::Hint:
            code = "\x1b[36m";
            break;
        case Tone::Note:
            code = "\x1b[1m";
            break;
    }
    return code + text + "\x1b[0m";
}

}  // namespace autogen::cli
