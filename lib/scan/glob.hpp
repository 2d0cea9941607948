// Expanding the header globs of autogen.toml ("src/models/**/*.hpp"): '**' matches
// any number of folders, '*' and '?' match within one path component.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace autogen::scan {

/// True if `path` (relative, '/'-separated) matches `pattern`.
bool glob_match(std::string_view pattern, std::string_view path);

/// Every regular file under `root` matched by one of `patterns` (relative to `root`,
/// or absolute), as absolute normalised paths, sorted and deduplicated. Hidden
/// folders (".git") are not entered unless a pattern names them.
std::vector<std::filesystem::path> expand_globs(const std::filesystem::path& root,
                                                const std::vector<std::string>& patterns);

}  // namespace autogen::scan
