// The blind-spot guard of the compare pipeline (SPEC §1): a project file that declares a model but
// is not scanned makes `revision` and `diff` refuse and `check` report a finding, and
// the tables such files declare (also those listed in [models] ignore) are kept: taken
// out of every comparison like [models] exclude_tables, so no command proposes
// dropping them.
#pragma once

#include <optional>
#include <vector>

#include "context.hpp"
#include "finding.hpp"
#include "scan/blind_spots.hpp"
#include "schema/schema.hpp"
#include "support/config.hpp"

namespace autogen::pipeline {

/// The project's blind spots for a scan that read `scanned` ([models] ignore applied;
/// ignored files are returned too, with BlindSpot::ignored_by set).
std::vector<scan::BlindSpot> find_project_blind_spots(
    const support::Config& config, const std::vector<std::filesystem::path>& scanned);

/// Reports each blind spot not in [models] ignore as a diagnostic of `severity` at its
/// first AUTOGEN_TABLE, with the glob to add to [models] headers and the ignore entry.
/// True when there was none.
bool report_blind_spots(support::Diagnostics& diags, const support::Config& config,
                        const std::vector<scan::BlindSpot>& spots, support::Severity severity);

/// `check`'s findings (kind "blind-spot") for the blind spots not in [models] ignore.
std::vector<Finding> blind_spot_findings(const support::Config& config,
                                         const std::vector<scan::BlindSpot>& spots);

/// `config` with every table the blind spots declare (and `models` does not) added to
/// [models] exclude_tables, so neither side of a comparison has it; says so as a detail line.
/// A table whose name cannot be read from the text is a Model error (it could not be
/// kept): nullopt.
std::optional<support::Config> keep_unscanned_tables(const Context& ctx,
                                                     const support::Config& config,
                                                     const std::vector<scan::BlindSpot>& spots,
                                                     const schema::Schema& models);

}  // namespace autogen::pipeline
