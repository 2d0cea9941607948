// What the compare pipeline needs from its caller (the CLI, a test, a future embedded
// runtime): where diagnostics go, the dialects, how progress and lines are shown, the
// live database's URL in effect and whether it may be written to. The library never
// sees the CLI's Session; the CLI builds one of these from it (tools/autogen/project.hpp).
#pragma once

#include <functional>
#include <string>

#include "dialect/dialect.hpp"
#include "support/diagnostics.hpp"
#include "support/progress.hpp"

namespace autogen::pipeline {

/// Receives one line of text (without a newline); may be empty (nobody listens).
using LineCallback = std::function<void(const std::string&)>;

struct Context {
    support::Diagnostics& diags;
    const dialect::DialectRegistry& dialects;
    support::ProgressCallback progress;  ///< long steps (materialise, replay, inspect)
    LineCallback detail;                 ///< detail lines (the CLI shows them with -v)
    LineCallback info;  ///< lines a user sees while it runs (the CLI hides them with -q)
    /// The live database's URL in effect (the CLI: --url, $DATABASE_URL, [database] url);
    /// empty when none is configured.
    std::string database_url;
    /// Open the live database read-only (SPEC §3's read-only commands): a missing SQLite
    /// file is then an error, never created.
    bool read_only = false;

    void say_detail(const std::string& line) const {
        if (detail) detail(line);
    }
    void say_info(const std::string& line) const {
        if (info) info(line);
    }
};

}  // namespace autogen::pipeline
