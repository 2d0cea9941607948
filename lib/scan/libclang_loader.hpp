// Loads libclang on the first parse instead of at program start. Linked normally,
// the dynamic loader relocates libclang and LLVM (~600k relocations, ~18 ms) before
// main() in every command, even those that never parse or are answered by the scan
// cache; so autogen does not link libclang: it dlopens it by absolute path the first
// time a clang_* function is needed (libclang_forwarders.cpp), once per process.
// The path is baked in at build time (AUTOGEN_LIBCLANG_PATH, from CMake's
// LibClang_LIBRARY) and can be overridden with the environment variable
// AUTOGEN_LIBCLANG.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "scan/libclang_api.hpp"
#include "support/diagnostics.hpp"

namespace autogen::scan {

/// The libclang file this process parses with: $AUTOGEN_LIBCLANG (made absolute) if
/// set and not empty, else the library autogen was built against.
std::filesystem::path libclang_path();

/// Loads libclang (the first call in a process; later calls only look) and says why
/// it cannot be used: a diagnostic with what failed (dlopen's or dlsym's message),
/// where (the library's path) and how to fix it; nullopt when every function autogen
/// calls is there. Call it before the first clang_* call of a code path that can
/// report errors: an unguarded clang_* call without libclang ends the process.
std::optional<support::Diagnostic> libclang_problem();

/// True if libclang is loaded in this process, without loading it.
bool libclang_loaded();

/// What identifies the libclang file (libclang_path()) for cache keys, without
/// loading it: its GNU build id, else its size and the hashes of its ends
/// (file_identity.hpp).
std::string libclang_identity();

/// The loaded library's functions; on the first call loads it. If libclang cannot be
/// used, prints libclang_problem() to stderr and exits with code 2: the clang_*
/// forwarders have no way to return an error.
const LibclangFunctions& libclang_functions();

namespace detail {

/// Opens the library at `path` (RTLD_NOW | RTLD_LOCAL) and resolves every function
/// into `functions`; nullopt on success, else what went wrong. The library is never
/// closed: unloading LLVM would run its static destructors under live handles.
/// libclang_functions() calls it once with libclang_path(); tests call it with other paths.
std::optional<support::Diagnostic> load_libclang(const std::filesystem::path& path,
                                                 LibclangFunctions& functions);

}  // namespace detail

}  // namespace autogen::scan
