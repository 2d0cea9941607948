// Colour on a terminal (docs/output.md): errors red, warnings yellow, destructive
// operations (the data-loss gate's lines, diff's [data loss] marker) bold red, hints
// cyan. Decided per stream: only when that stream is a terminal, and never with
// --no-color or with NO_COLOR set in the environment (any value; no-color.org).
#pragma once

#include <string>

namespace autogen::cli {

/// What a piece of output is, for its colour.
enum class Tone { Plain, Error, Warning, Danger, Hint, Note };

/// Whether the stream with file descriptor `fd` gets colour: a terminal, no `no_color_flag`
/// (--no-color), no NO_COLOR variable.
bool colour_wanted(int fd, bool no_color_flag);

/// `text` (already safe for a terminal) wrapped in the ANSI codes of `tone` when
/// `colour`; unchanged otherwise or for Tone::Plain.
std::string paint(const std::string& text, Tone tone, bool colour);

}  // namespace autogen::cli
