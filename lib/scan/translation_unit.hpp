// Building and parsing the umbrella translation unit: one in-memory file that
// #includes every model header by absolute path (TOOLCHAIN §3.1), the clang
// argument list, clang's own diagnostics, and the libstdc++ fallback of
// TOOLCHAIN §1.3. The std-header PCH (std_pch.hpp) is passed in by the caller.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "scan/cache/content_hash.hpp"
#include "scan/clang_raii.hpp"
#include "support/diagnostics.hpp"

namespace autogen::scan {

/// What to parse: the umbrella's virtual path, the headers it includes, the flags.
struct UnitRequest {
    std::filesystem::path main_file;             ///< the umbrella's path (need not exist)
    std::vector<std::filesystem::path> headers;  ///< absolute paths
    std::vector<std::string> args;  ///< clang arguments (no program name, no input file)
    std::filesystem::path pch;      ///< a precompiled header to include first; empty = none
};

/// A parsed unit and the index that owns it (declared first: destroyed last).
struct ParsedUnit {
    clang::Index index;
    clang::TranslationUnit tu;
};

/// The umbrella's text: one #include line per header.
std::string umbrella_source(const std::vector<std::filesystem::path>& headers);

/// Parses the request (SkipFunctionBodies | KeepGoing). nullopt when libclang
/// itself fails: reported into `diags`, or, if `failure` is given, only stored there
/// (so a caller can retry without a stale PCH). C++ errors are left in the unit.
std::optional<ParsedUnit> parse_unit(const UnitRequest& request, support::Diagnostics& diags,
                                     CXErrorCode* failure = nullptr);

/// Reports every error or fatal diagnostic of `tu` as a model error; returns how many.
std::size_t report_clang_errors(CXTranslationUnit tu, support::Diagnostics& diags);

/// True if some diagnostic says a standard header ("'string' file not found") is missing.
bool misses_standard_header(CXTranslationUnit tu);

/// True if an error of `tu` says the precompiled header itself is unusable (built
/// from other sources, other flags, or another compiler), not a problem in the models.
bool pch_rejected(CXTranslationUnit tu);

/// Every file `tu` read (clang_getInclusions) except `skip` (the in-memory umbrella),
/// each with the hash of the content clang parsed (clang_getFileContents), so it
/// matches what was scanned even if the file changes on disk meanwhile. nullopt if
/// clang cannot give some file's content (then the scan must not be cached).
std::optional<std::vector<FileHash>> files_read(CXTranslationUnit tu,
                                                const std::filesystem::path& skip);

/// The libstdc++ include folders of the system compiler (`c++ -xc++ -E -v /dev/null`,
/// the entries containing "/c++/"), for the -nostdinc++ fallback. Empty if unknown.
std::vector<std::string> libstdcxx_include_dirs();

}  // namespace autogen::scan
