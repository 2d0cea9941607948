// Reading a whole file into memory in one go. autogen.sum and the revision files of a
// large schema are megabytes, read on every `check`: an ifstream copied through an
// ostringstream grows its buffer step by step and copies the bytes twice more.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace autogen::migrate {

/// The bytes of the file at `path`, read with one allocation; nullopt when it cannot be
/// opened or read (a missing file included).
std::optional<std::string> read_file_bytes(const std::filesystem::path& path);

}  // namespace autogen::migrate
