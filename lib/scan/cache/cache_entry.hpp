// The layout both scan caches share for an entry: one line of JSON (the head: format,
// key and what to check before trusting the rest), then a binary payload. A miss is
// decided from the head alone, without decoding the payload.
#pragma once

#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace autogen::scan {

/// A read entry: its head and the bytes after the head's line.
struct CacheEntry {
    nlohmann::json head;
    std::string text;                ///< the whole file
    std::size_t payload_offset = 0;  ///< where the payload starts in `text`

    std::string_view payload() const { return std::string_view(text).substr(payload_offset); }
};

/// The entry at `path` if it reads whole and its head names `format` and `key`;
/// nullopt for a missing, unreadable, headless or foreign entry (a miss, never an error).
std::optional<CacheEntry> read_cache_entry(const std::filesystem::path& path,
                                           std::string_view format, std::string_view key);

/// Writes `head` (with "format" and "key" added) and `payload` to `path` atomically.
bool write_cache_entry(const std::filesystem::path& path, std::string_view format,
                       std::string_view key, nlohmann::json head, const std::string& payload);

}  // namespace autogen::scan
