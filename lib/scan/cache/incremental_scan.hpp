// Deciding what an incremental scan re-parses, and what each header's unit depends
// on. A header's unit depends on the project files its #include directives reach
// (read textually, include_walk.hpp, so a file behind #ifdef counts too: more
// re-parses, never fewer) and on every file outside the project the parse read
// (standard and third-party headers: a change there re-parses everything).
// The textual walk is trusted only where it provably covers what libclang read:
// every project file of the parse must be reached, and no file reached may use an
// include the walk cannot follow (#include MACRO, #include_next, #import);
// otherwise no unit is stored and the next change parses every header again.
#pragma once

#include <cstddef>
#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "scan/cache/content_hash.hpp"
#include "scan/cache/unit_store.hpp"
#include "scan/include_walk.hpp"

namespace autogen::scan {

/// Which files are the project's own: those under `root` but not under `cache_dir`
/// (the cache folder, by default <root>/.autogen/cache, holds the precompiled
/// header's source, which the parse reads like a standard header).
struct ProjectFolder {
    std::filesystem::path root;
    std::filesystem::path cache_dir;  ///< empty: none

    bool contains(const std::filesystem::path& file) const;
};

/// What an incremental scan keeps and what it re-parses.
struct IncrementalPlan {
    std::set<std::size_t> reparse;           ///< indexes into the header list
    std::map<std::size_t, HeaderUnit> kept;  ///< units whose every dependency hashes the same
    std::vector<FileHash> shared;            ///< StoredUnits::shared, all unchanged
};

/// Compares `stored` with the files on disk now. nullopt when a shared file changed
/// or vanished (parse everything). A header without a stored unit (new), or with a
/// dependency that changed or vanished, is re-parsed; units of headers no longer
/// in `files` are dropped.
std::optional<IncrementalPlan> plan_incremental_scan(
    StoredUnits stored, const std::vector<std::filesystem::path>& files);

/// The dependencies of each parsed header (`parsed`: indexes into `files`), with the
/// content hashes libclang read (`read`; a file the walk reaches but libclang did not
/// read, e.g. behind a false #if, is hashed from disk). nullopt if the walk cannot
/// vouch for the parse (see the top of this file); `why` then says why.
std::optional<std::map<std::size_t, std::vector<FileHash>>> header_dependencies(
    const std::vector<std::filesystem::path>& files, const std::set<std::size_t>& parsed,
    const IncludeSearch& search, const ProjectFolder& project, const std::vector<FileHash>& read,
    std::string* why = nullptr);

/// The files of `read` outside the project, each once (the last hash of a path wins).
std::vector<FileHash> outside_files(const std::vector<FileHash>& read,
                                    const ProjectFolder& project);

}  // namespace autogen::scan
