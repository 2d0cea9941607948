// The per-header cache of incremental scans: every model header's unit
// (header_units.hpp) with the content hashes of the files it depends on, so a scan
// after an edit re-parses only the headers whose own files changed.
// One entry per configuration, beside the scan-result entry and under the same key
// (scan_cache.hpp): <cache>/units-<key>.units. Keyed by content, never by timestamps.
// Unreadable, corrupt or foreign entries read as absent; writes are atomic.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "scan/cache/cache_store.hpp"
#include "scan/cache/content_hash.hpp"
#include "scan/cache/header_units.hpp"

namespace autogen::scan {

/// What an entry holds.
struct StoredUnits {
    /// Files outside the project folder that the parse read (standard headers,
    /// autogen/model.hpp, third-party headers, what the precompiled header read): every
    /// unit depends on all of them, so any change means a whole parse.
    std::vector<FileHash> shared;
    std::vector<HeaderUnit> units;  ///< in the scan's header order
};

/// The entry's file for `key`.
std::filesystem::path units_entry_path(const CacheSettings& cache, const std::string& key);

/// The entry for `key`, decoded; nullopt if there is none or it cannot be read whole.
/// No hash is checked here (see plan_incremental_scan in incremental_scan.hpp).
std::optional<StoredUnits> load_units(const CacheSettings& cache, const std::string& key);

/// Writes the entry for `key` atomically; false (nothing written) on failure.
bool store_units(const CacheSettings& cache, const std::string& key, StoredUnits units);

/// Removes the entry for `key`, so no later scan trusts it.
void forget_units(const CacheSettings& cache, const std::string& key);

}  // namespace autogen::scan
