// Model discovery from compile_commands.json ([models] compile_commands): which
// headers declare models and which flags parse them.
//
// What is scanned: every header under the project folder that a listed source file
// (itself under the project folder) includes, directly or through other project
// headers, and that uses AUTOGEN_TABLE. Includes are followed textually
// (include_walk.hpp) with that source's own -I/-iquote/-isystem folders. Sources
// themselves are never scanned (a model in a .cpp is named by the blind-spot guard).
//
// Which flags: of each command that reached a model header, the ones that change how
// a header parses (TOOLCHAIN §3.2): -I -isystem -iquote -idirafter -D -U -std=
// -include -imacros --sysroot -isysroot --target -m* and -f[no-]exceptions, rtti,
// char8_t, -fopenmp; relative paths are made absolute against the command's
// directory. Everything else (-c, -o, -W*, -O*, other -f*, the input) is dropped.
// The commands' flags are merged in database order with duplicates removed; a macro
// defined differently by two commands, or two -std values, is a warning (the first
// wins: one translation unit has one set of flags).
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "support/diagnostics.hpp"

namespace autogen::scan {

/// One entry of compile_commands.json, already reduced to what parsing needs.
struct CompileCommand {
    std::filesystem::path directory;  ///< absolute
    std::filesystem::path file;       ///< absolute, normalised
    std::vector<std::string> flags;   ///< the whitelisted flags, paths absolute
};

/// What the database contributed to a scan.
struct CompileCommandsModels {
    std::vector<std::filesystem::path> headers;  ///< model headers, sorted
    std::map<std::filesystem::path, std::filesystem::path>
        via;                         ///< header -> the first source including it
    std::vector<std::string> flags;  ///< merged flags of the commands that reached them
};

/// Splits a shell command line the way compile_commands.json's "command" is meant
/// (POSIX quoting: '...', "...", backslash escapes).
std::vector<std::string> split_command_line(const std::string& command);

/// Keeps the flags of `argv` (program name first, as in "arguments") that change
/// how a header parses; paths relative to `directory` are made absolute.
std::vector<std::string> parsing_flags(const std::vector<std::string>& argv,
                                       const std::filesystem::path& directory);

/// Reads a compile_commands.json. Errors (missing file, bad JSON, an entry without
/// directory/file/command) are reported with the file's path and a hint.
std::optional<std::vector<CompileCommand>> read_compile_commands(const std::filesystem::path& file,
                                                                 support::Diagnostics& diags);

/// The model headers and flags `commands` give for the project under `root`.
CompileCommandsModels models_from_commands(const std::vector<CompileCommand>& commands,
                                           const std::filesystem::path& root,
                                           const std::filesystem::path& database,
                                           support::Diagnostics& diags);

}  // namespace autogen::scan
