// The model scanner's public API: annotated C++ model headers -> schema::Schema.
// Globs select the headers; libclang parses them as one translation unit; the
// annotations (SPEC §1, docs/models.md) become tables, columns, keys and enums.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "scan/cache/cache_store.hpp"
#include "schema/schema.hpp"
#include "support/diagnostics.hpp"
#include "support/naming.hpp"

namespace autogen::scan {

/// What to scan, from the [models] section of autogen.toml.
struct ScanOptions {
    std::filesystem::path
        project_root;  ///< folder of autogen.toml; globs and include_dirs are relative to it
    std::vector<std::string>
        header_globs;  ///< e.g. "src/models/**/*.hpp" ('**' any depth, '*', '?')
    std::vector<std::filesystem::path> include_dirs;
    std::vector<std::string> extra_args;  ///< passed to clang as is, e.g. "-DFOO=1"
    /// compile_commands.json (relative to project_root); empty = none. Adds the model
    /// headers its sources include and their flags (compile_commands.hpp).
    std::filesystem::path compile_commands;
    /// [models] naming: the names of the constraints and indexes the models leave
    /// unnamed. Part of the cache key.
    support::NamingConvention naming;
};

/// What a scan found.
struct ScanResult {
    schema::Schema
        schema;  ///< every table and enum, with SourceLocation (absolute file path, line, col)
    std::vector<std::filesystem::path>
        files;  ///< every model file read (globs and compile_commands), sorted
    /// Model files found through compile_commands.json -> the source that includes them
    /// (a file the globs match too is listed here as well).
    std::map<std::filesystem::path, std::filesystem::path> via_compile_commands;
};

/// Scans the model headers. Every problem (no header matched, C++ errors in a model,
/// malformed annotations, unmapped types, unknown references, duplicates) is
/// reported into `diags` with file:line:col and a hint; returns nullopt if any error
/// was reported, so nothing is written from a broken model.
/// Unchanged models are answered from the scan-result cache (scan_cache.hpp) in
/// CacheSettings::from_env(project root): <project_root>/.autogen/cache by default.
std::optional<ScanResult> scan(const ScanOptions& options, support::Diagnostics& diags);

/// What the cache did during one scan, for tests and benchmarks.
struct CacheTrace {
    bool result_hit = false;     ///< answered from the cache, nothing parsed
    bool result_stored = false;  ///< parsed, and the result was stored
    bool pch_reused = false;    ///< parsed over a cached precompiled header of the standard headers
    bool pch_built = false;     ///< the precompiled header was built (and stored) by this scan
    bool pch_rejected = false;  ///< libclang refused a cached one (stale): it was discarded
    std::vector<std::string> pch_headers;  ///< what the precompiled header holds (empty: none used)
    /// Answered by re-parsing only the headers in `reparsed` and reusing every other
    /// header's unit from the per-header cache (unit_store.hpp).
    bool incremental = false;
    std::vector<std::filesystem::path> reparsed;
    /// An incremental scan was tried and could not give the whole parse's answer (a
    /// re-parsed header does not compile on its own, or any error): everything was parsed.
    bool full_parse_after_incremental = false;
    bool units_stored = false;     ///< the per-header entry was written
    std::string units_not_stored;  ///< why not, when caching and it was not
};

/// scan() with explicit cache settings (disabled: always parse, store nothing).
/// A cached result re-emits the warnings and notes the stored scan reported; errors
/// are never cached (only successful scans are stored).
std::optional<ScanResult> scan(const ScanOptions& options, const CacheSettings& cache,
                               support::Diagnostics& diags, CacheTrace* trace = nullptr);

}  // namespace autogen::scan
