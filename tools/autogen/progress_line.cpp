// Drawing support::Progress on a terminal: one line, rewritten in place.
#include "progress_line.hpp"

#include <sys/ioctl.h>
#include <unistd.h>

#include <cstdlib>
#include <iostream>

#include "support/printable_text.hpp"

namespace autogen::cli {

namespace {

/// The terminal's width in columns (80 when it cannot tell).
std::size_t terminal_width() {
    winsize size{};
    if (ioctl(STDERR_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0) return size.ws_col;
    return 80;
}

}  // namespace

bool progress_wanted(bool quiet) {
    if (quiet) return false;
    const char* ci = std::getenv("CI");
    if (ci && *ci) return false;
    return isatty(STDERR_FILENO) != 0;
}

std::string progress_text(const support::Progress& p, std::size_t width) {
    std::string text = p.step;
    if (p.total) text += " " + std::to_string(p.done) + "/" + std::to_string(p.total);
    // The item comes from files (a revision message, a table name): one line, no controls.
    if (!p.item.empty()) text += " " + support::one_line_text(p.item);
    // One column short of the width, so the cursor never wraps to a new line.
    if (width > 1 && text.size() > width - 1) {
        text.resize(width - 1);
        // Do not leave half a UTF-8 character.
        while (!text.empty() && (static_cast<unsigned char>(text.back()) & 0xC0) == 0x80)
            text.pop_back();
        if (!text.empty() && (static_cast<unsigned char>(text.back()) & 0x80)) text.pop_back();
    }
    return text;
}

void ProgressLine::show(const support::Progress& p) {
    if (!enabled_) return;
    if (p.finished) {
        clear();
        return;
    }
    std::cerr << "\r" << progress_text(p, terminal_width()) << "\x1b[K" << std::flush;
    drawn_ = true;
}

void ProgressLine::clear() {
    if (!drawn_) return;
    std::cerr << "\r\x1b[K" << std::flush;
    drawn_ = false;
}

support::ProgressCallback ProgressLine::callback() {
    if (!enabled_) return {};
    return [this](const support::Progress& p) { show(p); };
}

}  // namespace autogen::cli
