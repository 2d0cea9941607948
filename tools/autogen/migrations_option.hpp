// `--migrations DIR` (a global option): the migrations folder to use instead of
// [migrations] dir, and, for the commands that only apply revisions, the whole project
// when there is no autogen.toml at all (a deploy image: the binary, migrations/ and a
// database URL from --url or DATABASE_URL; SPEC §6).
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "support/config.hpp"
#include "support/diagnostics.hpp"

namespace autogen::cli {

/// The configuration of a folder without autogen.toml: every default of SPEC §2, rooted
/// at `root` (relative paths and sqlite:/// URLs resolve there), no models, and revision
/// sections accepted for each of `dialects` (every dialect of this build).
support::Config config_without_file(const std::filesystem::path& root,
                                    std::vector<std::string> dialects);

/// Points `config` at the folder `dir` (relative to the current folder) given with
/// --migrations; false after an error naming it when it is not an existing folder.
bool use_migrations_option(support::Config& config, const std::string& dir,
                           support::Diagnostics& diags);

}  // namespace autogen::cli
