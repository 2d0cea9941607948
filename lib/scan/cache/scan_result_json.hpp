// A lossless JSON form of what a scan returns (ScanResult and its diagnostics), for
// the result cache. Unlike schema_view's to_json (stable output for people and tools),
// this reads back into the same values, every field and location included.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <vector>

#include "scan/scanner.hpp"
#include "support/diagnostics.hpp"

namespace autogen::scan {

/// A scan's outcome as cached: the result and the warnings/notes it reported.
struct CachedOutcome {
    ScanResult result;
    std::vector<support::Diagnostic> diagnostics;
};

/// The JSON form of `outcome`.
nlohmann::json outcome_to_json(const CachedOutcome& outcome);

/// Reads back outcome_to_json's form; nullopt if `j` is not one (corrupt entry).
std::optional<CachedOutcome> outcome_from_json(const nlohmann::json& j);

}  // namespace autogen::scan
