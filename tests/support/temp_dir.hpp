// Test helpers: a temporary folder removed at scope exit, and small file helpers.
#pragma once

#include <filesystem>
#include <string>

namespace autogen::testing {

/// A fresh folder under the system temp dir; removed (recursively) on destruction.
class TempDir {
  public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    const std::filesystem::path& path() const { return path_; }
    /// Writes `content` to path()/relative, creating parent folders; returns the full path.
    std::filesystem::path write(const std::filesystem::path& relative,
                                const std::string& content) const;

  private:
    std::filesystem::path path_;
};

/// The whole content of a file ("" if it cannot be read).
std::string read_file(const std::filesystem::path& path);

/// The autogen source tree (for fixtures such as examples/ and include/).
std::filesystem::path source_dir();

}  // namespace autogen::testing
