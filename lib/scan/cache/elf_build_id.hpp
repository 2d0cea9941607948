// GNU build ids (the NT_GNU_BUILD_ID note the linker writes into an ELF file): read
// from a block of notes in memory, and from an ELF file on disk without loading it.
// The scan caches key on them: a build id changes with any change to the code.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>

namespace autogen::scan {

/// The GNU build id (lower-case hex) among the ELF notes in [notes, notes + size),
/// whose entries are padded to `align` bytes (4, or 8 for a segment aligned so);
/// empty if there is none.
std::string build_id_in_notes(const char* notes, std::size_t size, std::size_t align = 4);

/// The GNU build id of the ELF file at `path`, read from its PT_NOTE segments (only
/// the headers and notes are read; nothing is mapped or loaded). Empty if the file
/// cannot be read, is not an ELF file of this machine's class, or has no build id.
std::string file_build_id(const std::filesystem::path& path);

}  // namespace autogen::scan
