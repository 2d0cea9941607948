// Where the scan caches live and how their files are written: the folder
// (<project_root>/.autogen/cache by default, $AUTOGEN_CACHE_DIR, off with
// AUTOGEN_NO_CACHE=1), whole-file reads, and atomic writes (temp file + rename), so
// concurrent autogen processes only ever see complete entries.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace autogen::scan {

/// Where a scan may cache; `dir` empty = caching disabled.
struct CacheSettings {
    std::filesystem::path dir;

    bool enabled() const { return !dir.empty(); }
    /// From the environment: AUTOGEN_NO_CACHE=1 (or any value but "" and "0")
    /// disables; AUTOGEN_CACHE_DIR overrides the default <project_root>/.autogen/cache.
    static CacheSettings from_env(const std::filesystem::path& project_root);
};

/// The whole file, or nullopt if it cannot be read.
std::optional<std::string> read_whole_file(const std::filesystem::path& path);

/// A path beside `path` that no other process or thread picks at the same time
/// (for writing a file and renaming it into place).
std::filesystem::path temporary_sibling(const std::filesystem::path& path);

/// Creates `dir` if missing (and, for a folder named `cache` inside `.autogen`, a
/// `.gitignore` of `*`). False if it does not exist afterwards.
bool ensure_cache_folder(const std::filesystem::path& dir);

/// Writes `content` to `path` atomically: a uniquely named temp file in the same
/// folder, then rename. Creates the folder (and, for a folder named `cache` inside
/// `.autogen`, a `.gitignore` of `*`). False on any failure (nothing is left behind).
bool write_atomically(const std::filesystem::path& path, const std::string& content);

}  // namespace autogen::scan
