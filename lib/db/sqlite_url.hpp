// SQLite's database URLs (SPEC §2): sqlite:///relative.db, sqlite:////absolute.db and
// sqlite://:memory:. Reached through the dialect registry (lib/dialect/sqlite_dialect.cpp).
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "db/url.hpp"

namespace autogen::db {

/// Parses a sqlite:// URL: DatabaseUrl::target is the file path (a relative one resolved
/// against `base_dir`, the folder of autogen.toml) or ":memory:". A malformed one is a
/// Config error naming the URL and the accepted forms.
std::optional<DatabaseUrl> parse_sqlite_url(const std::string& url,
                                            const std::filesystem::path& base_dir,
                                            support::Diagnostics& diags);

}  // namespace autogen::db
