// What identifies a binary file's content cheaply, for cache keys: its GNU build id,
// else its size and the hashes of its first and last MiB. Never a timestamp: a
// reinstall or copy changes timestamps without changing the code, and a file can be
// replaced keeping its mtime.
#pragma once

#include <filesystem>
#include <string>

namespace autogen::scan {

/// "build-id <hex>" for an ELF file with a GNU build id; else "size <n> ends <hash>"
/// from the size and the first and last MiB (a whole-file hash of a 30 MB library
/// would cost more than the load this identity exists to avoid; a rebuild changes
/// the headers and tables at the ends); "unreadable" if the file cannot be read.
std::string file_identity(const std::filesystem::path& path);

}  // namespace autogen::scan
