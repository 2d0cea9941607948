// The progress line (docs/output.md): the library stages report support::Progress; on a
// terminal it is drawn on stderr as one line ("applying 12/300 3f2a9c1b7d4e add phone"),
// redrawn in place with \r and erased when the step is done or before anything else is
// written to stderr. Off when stderr is not a terminal, with -q, and under CI (CI set
// to anything but empty).
#pragma once

#include <string>

#include "support/progress.hpp"

namespace autogen::cli {

/// Whether progress is shown: stderr is a terminal, not `quiet`, not under CI.
bool progress_wanted(bool quiet);

/// Draws progress reports on stderr, when enabled.
class ProgressLine {
  public:
    explicit ProgressLine(bool enabled) : enabled_(enabled) {}
    ProgressLine(const ProgressLine&) = delete;
    ProgressLine& operator=(const ProgressLine&) = delete;
    ~ProgressLine() { clear(); }

    bool enabled() const { return enabled_; }
    /// Draws `p` over the current line (erases it when `p.finished`).
    void show(const support::Progress& p);
    /// Erases the line if one is drawn (before other output goes to stderr).
    void clear();
    /// A callback drawing on this line; empty when disabled, so the stages skip the work.
    support::ProgressCallback callback();

  private:
    bool enabled_;
    bool drawn_ = false;
};

/// The text of a progress line, at most `width` columns (bytes; longer item text is cut).
std::string progress_text(const support::Progress& p, std::size_t width);

}  // namespace autogen::cli
