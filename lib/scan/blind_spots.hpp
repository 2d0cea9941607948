// The blind-spot guard: Alembic's autogenerate silently ignores a model module that
// nobody imported. autogen scans by globs instead, and this pass closes the remaining
// gap: a file of the project that uses AUTOGEN_TABLE but that the globs do not match.
// Its tables are kept: no command may propose dropping them (SPEC §1).
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "support/diagnostics.hpp"

namespace autogen::scan {

/// A table that a file outside the scan declares (read from its text).
struct UnscannedTable {
    std::string schema;  ///< `schema = "..."`, or empty
    std::string name;    ///< empty when the text does not say (no name, no struct name found)
    support::SourceLocation declared;  ///< the AUTOGEN_TABLE token
};

/// A project file that declares a model but is not in the scan set.
struct BlindSpot {
    support::SourceLocation
        first_use;  ///< file (absolute), line and column of its first AUTOGEN_TABLE
    /// The [models] ignore pattern that lists the file (it is outside on purpose), or empty.
    std::string ignored_by;
    std::vector<UnscannedTable> tables;  ///< every table it declares, in file order
};

/// Line and column (1-based) of the first AUTOGEN_TABLE( use in `text` that is not
/// on a #define/#undef line, or nullopt: "does this file declare a model?".
std::optional<std::pair<unsigned, unsigned>> first_table_use(const std::string& text);

/// The project's files: those git tracks or would track (tracked plus untracked, not
/// ignored) under `project_root` when it is in a git work tree; otherwise every file
/// below it, skipping hidden folders and build folders (build*, cmake-build-*).
std::vector<std::filesystem::path> project_files(const std::filesystem::path& project_root);

/// Every C/C++ file of the project that uses AUTOGEN_TABLE and is not in `scanned`,
/// with the tables it declares; `ignore` holds globs relative to `project_root`
/// ([models] ignore) marking the files left out on purpose.
/// The project's files are those git tracks or would track (tracked plus untracked,
/// not ignored) under `project_root` when it is in a git work tree; otherwise every
/// file below it, skipping hidden folders and build folders (build*, cmake-build-*).
/// A `#define AUTOGEN_TABLE` (autogen's own header) is not a use.
std::vector<BlindSpot> find_blind_spots(const std::filesystem::path& project_root,
                                        const std::vector<std::filesystem::path>& scanned,
                                        const std::vector<std::string>& ignore = {});

}  // namespace autogen::scan
