// The scan-result cache: a successful scan's result and warnings, stored with the
// content hash of every file the scan read, so an unchanged project is answered
// without parsing. One entry per configuration (autogen build, libclang file,
// clang arguments, project folder), at <cache>/scan-<key>.bin; an entry is used
// only if the globs match the same files and every file it read hashes the same.
// Failed scans are never stored. Unreadable or corrupt entries count as misses.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "scan/cache/cache_store.hpp"
#include "scan/cache/content_hash.hpp"
#include "scan/cache/scan_result_json.hpp"

namespace autogen::scan {

/// This build of autogen: its ELF build id (else the compile time of scan_cache.cpp).
/// Part of every cache key, so a new build never trusts an old build's entries.
const std::string& this_build();

/// What a result depends on besides file contents: this build of autogen (version
/// and ELF build id), `toolchain` (which libclang parses: libclang_identity()), the clang
/// arguments, the umbrella's path (the project folder) and clang's include-path environment.
std::string result_key(const std::string& toolchain, const std::vector<std::string>& args,
                       const std::filesystem::path& umbrella);

/// Adds what clang's result depends on besides its arguments: the include-path
/// variables CPATH, CPLUS_INCLUDE_PATH, C_INCLUDE_PATH and the working directory
/// (relative paths in arguments resolve against it).
void add_clang_environment(KeyHasher& h);

/// The entry's file for `key`.
std::filesystem::path result_entry_path(const CacheSettings& cache, const std::string& key);

/// The cached outcome for `key` if the globs matched `files` then too and every file
/// that scan read still has the same content; nullopt otherwise.
std::optional<CachedOutcome> lookup_result(const CacheSettings& cache, const std::string& key,
                                           const std::vector<std::filesystem::path>& files);

/// Stores a successful scan's outcome with every file the translation unit read and
/// the hash of the content it read (taken from the parse, not re-read afterwards, so
/// an edit during the scan cannot pair new hashes with an old result). False (and
/// nothing stored) if the entry cannot be written; never an error.
bool store_result(const CacheSettings& cache, const std::string& key,
                  const std::vector<FileHash>& files_read, const CachedOutcome& outcome);

}  // namespace autogen::scan
