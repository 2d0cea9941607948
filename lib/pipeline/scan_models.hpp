// Scanning the project's models for a comparison: the scan (its cache and what it
// read, told as detail lines), [models] exclude_tables, the reserved names, and the
// project's blind spots handed back to the caller.
#pragma once

#include <cstddef>
#include <optional>
#include <vector>

#include "context.hpp"
#include "scan/blind_spots.hpp"
#include "scan/scanner.hpp"
#include "support/config.hpp"

namespace autogen::pipeline {

/// Scans the configured models (the files and models read as detail lines) and drops
/// the tables matching [models] exclude_tables. The project's blind spots (files that
/// declare models but were not scanned) go to `blind_spots` when given, for the caller
/// to refuse or report (blind_spot_guard.hpp); without it each is a warning.
std::optional<scan::ScanResult> scan_models(const Context& ctx, const support::Config& config,
                                            std::vector<scan::BlindSpot>* blind_spots = nullptr);

/// The smallest identifier limit of the project's dialects ([database] dialects), 0 when
/// none has one: the length past which a [models] naming name is cut.
std::size_t max_identifier_length(const dialect::DialectRegistry& dialects,
                                  const support::Config& config);

}  // namespace autogen::pipeline
