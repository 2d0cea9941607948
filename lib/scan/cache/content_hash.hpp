// Content hashing for the scan caches (xxHash XXH3-128, header-only): file contents
// and cache keys. Caches are keyed by content, never by timestamps.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace autogen::scan {

/// A file and the hash (hash_bytes) of its content as some scan read it.
struct FileHash {
    std::filesystem::path path;
    std::string hash;
};

/// The XXH3-128 of a file's bytes as 32 hex digits; nullopt if it cannot be read.
std::optional<std::string> hash_file(const std::filesystem::path& path);

/// While one is alive on this thread, hash_file remembers the hash of each path it
/// read and answers again from memory: one scan checks the same few hundred standard
/// headers for the result cache, the precompiled header and the per-header cache, and
/// within one scan a file is taken to hold one content. Nested ones share the outer one.
class HashFileMemo {
  public:
    HashFileMemo();
    ~HashFileMemo();
    HashFileMemo(const HashFileMemo&) = delete;
    HashFileMemo& operator=(const HashFileMemo&) = delete;

  private:
    bool owner_ = false;
};

/// The XXH3-128 of `bytes` as 32 hex digits.
std::string hash_bytes(std::string_view bytes);

/// Builds a cache key from a sequence of strings; each part is length-prefixed, so
/// ("ab","c") and ("a","bc") differ.
class KeyHasher {
  public:
    KeyHasher();
    ~KeyHasher();
    KeyHasher(const KeyHasher&) = delete;
    KeyHasher& operator=(const KeyHasher&) = delete;

    /// Adds one part.
    KeyHasher& add(std::string_view part);
    /// The key so far, 32 hex digits.
    std::string hex() const;

  private:
    struct State;
    std::unique_ptr<State> state_;
};

}  // namespace autogen::scan
