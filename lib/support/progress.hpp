// Progress of a long step (scan, materialise, replay, inspect, each revision applied,
// each table rebuilt), reported by the library stages through a callback so that they
// never depend on how (or whether) the CLI shows it: the CLI draws a line on a terminal
// (tools/autogen/progress_line.hpp), and an empty callback costs nothing.
#pragma once

#include <cstddef>
#include <functional>
#include <string>

namespace autogen::support {

/// One report: "<step> <done>/<total> <item>", e.g. "applying 12/300 3f2a9c1b add phone".
struct Progress {
    std::string step;       ///< what is being done ("scanning", "applying", "rebuilding" ...)
    std::size_t done = 0;   ///< items finished so far (a counter)
    std::size_t total = 0;  ///< items in all; 0 = unknown (no counter shown)
    std::string item;       ///< the item being worked on now (a revision, a table); may be empty
    bool finished = false;  ///< the step is over: whoever shows it erases it
};

/// Receives progress reports; may be empty (nobody listens).
using ProgressCallback = std::function<void(const Progress&)>;

/// Calls `callback` with `progress` when someone listens.
inline void report(const ProgressCallback& callback, const Progress& progress) {
    if (callback) callback(progress);
}

/// Reports `step` finished (the line it drew is erased).
inline void report_finished(const ProgressCallback& callback, const std::string& step) {
    if (callback) callback(Progress{step, 0, 0, {}, true});
}

}  // namespace autogen::support
