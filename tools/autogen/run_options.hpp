// What upgrade, downgrade and stamp tell the runner beyond the target: the dialect whose
// sections run, the version table, autogen.sum for checking the revisions about to run,
// and how long to wait for another migrator's lock (--lock-timeout over
// [migrations] lock_timeout).
#pragma once

#include <CLI/CLI.hpp>
#include <optional>

#include "migrate/runner.hpp"
#include "project.hpp"

namespace autogen::cli {

/// Adds `--lock-timeout SECONDS` to a command that takes the migration lock.
void add_lock_timeout_option(CLI::App& app, std::optional<double>& seconds);

/// The run options for `live`: its dialect, the configured version table, the project's
/// autogen.sum (read now), and the lock wait, whose "waiting for ... held by ..." line
/// goes to stderr as soon as it is known.
migrate::RunOptions run_options(const support::Config& config, const LiveDatabase& live,
                                std::optional<double> lock_timeout);

}  // namespace autogen::cli
