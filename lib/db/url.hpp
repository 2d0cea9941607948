// Database URLs of SPEC §2: sqlite:///relative.db, sqlite:////absolute.db,
// sqlite://:memory:, postgresql://user:password@host:port/db?options (also postgres://).
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "support/diagnostics.hpp"

namespace autogen::db {

struct DatabaseUrl {
    std::string scheme;      ///< the dialect's registry name: "sqlite" or "postgresql"
    std::string original;    ///< as given
    std::string sqlite_path; ///< sqlite: the file path (resolved against base_dir) or ":memory:"
    std::string conninfo;    ///< postgresql: the URL handed to libpq as is (checked by libpq's parser)

    /// The URL with any password replaced by "***": the only form that may be printed.
    std::string redacted() const;
};

/// Parses `url`; relative SQLite paths are resolved against `base_dir` (the folder of
/// autogen.toml). Errors name the URL (redacted) and the accepted forms.
std::optional<DatabaseUrl> parse_url(const std::string& url, const std::filesystem::path& base_dir,
                                     support::Diagnostics& diags);

/// The PostgreSQL URL `url` naming database `name` instead of its own; user, password,
/// host, port and ?options are kept. (A dbname= option in the query would still win.)
std::string with_database(const std::string& url, const std::string& name);

/// Removes a password from any URL-looking text ("postgresql://u:secret@h" -> "postgresql://u:***@h").
std::string redact_password(const std::string& text);

}  // namespace autogen::db
