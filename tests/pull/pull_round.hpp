// Issue 16's adoption round on one database, driven through the built autogen as a user
// would run it: `pull` into an empty project, then `diff` reports nothing and
// `revision` writes nothing; after `revision --baseline` and `stamp head`, `check` is
// clean; a database built from that baseline (`upgrade head` on an empty one) has the
// original's catalog, names included; and the pulled headers compile warning-free
// with every compiler the build found. Every failure is a doctest failure carrying the
// transcript of the command that failed.
#pragma once

#include <filesystem>
#include <string>

namespace autogen::testing::pull {

/// The database to adopt and where the round may build others.
struct RoundDatabases {
    std::string dialect;    ///< the registry's name: "sqlite", "postgresql"
    std::string url;        ///< holds the schema to adopt (no autogen version table)
    std::string other_url;  ///< an empty database, built from the baseline
    std::string dev_url;    ///< scratch databases for the models (PostgreSQL); "" on SQLite
};

/// The round on `db` in the empty folder `project`. `name` labels the failures. With
/// `split_by_schema_too`, the headers are then pulled again with `--split schema`:
/// the per-table files are gone, `diff` is still empty and the new headers compile.
void check_pull_round(const std::string& name, const RoundDatabases& db,
                      const std::filesystem::path& project, bool split_by_schema_too = false);

}  // namespace autogen::testing::pull
