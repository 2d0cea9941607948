// The precompiled header of the standard headers (TOOLCHAIN §2: 8-10x on a parse).
// A scan that must parse (a model header changed) includes it with -include-pch, so
// only the model headers themselves are parsed. It holds the headers the model
// headers reach outside the project folder (<string>, <chrono>, autogen/model.hpp,
// third-party headers), found by the textual include walk (include_walk.hpp), and lives
// in the scan cache folder as pch/std-<key>.pch beside std-<key>.hpp (its source) and
// std-<key>.json (what it read, with content hashes).
//
// Keyed by content, never by timestamps: the key is the libclang file's build id, the clang
// arguments, the header list and clang's include environment; an existing PCH is
// reused only if every file it read still hashes the same. A PCH that libclang
// refuses anyway (CXError_ASTReadError, pch_rejected() in translation_unit.hpp) is rebuilt
// by the caller, never trusted. Files are written to temp names and renamed, so
// concurrent autogen processes only ever see whole files.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "scan/cache/cache_store.hpp"
#include "scan/cache/content_hash.hpp"

namespace autogen::scan {

/// A usable PCH and what it was built from.
struct StdPch {
    std::filesystem::path file;  ///< pass as -include-pch
    std::vector<FileHash> read;  ///< every file the PCH read, with content hashes
};

/// What to precompile: `headers` as `#include <name>` lines, parsed with `args`
/// (the scan's clang arguments: "-x c++" becomes "-x c++-header").
struct PchRequest {
    std::vector<std::string> headers;
    std::vector<std::string> args;
};

/// The cache key of `request` (32 hex digits).
std::string pch_key(const PchRequest& request);

/// The PCH file of `key` in `cache`.
std::filesystem::path pch_path(const CacheSettings& cache, const std::string& key);

/// The cached PCH for `request` if it exists and everything it read is unchanged.
std::optional<StdPch> find_std_pch(const CacheSettings& cache, const PchRequest& request);

/// Builds the PCH for `request` and stores it (replacing any old one); nullopt if
/// it cannot be built cleanly (any clang error: the caller parses without) or stored.
std::optional<StdPch> build_std_pch(const CacheSettings& cache, const PchRequest& request);

/// Forgets the PCH for `request` (after libclang refused it), so no later scan trusts it.
void discard_std_pch(const CacheSettings& cache, const PchRequest& request);

}  // namespace autogen::scan
