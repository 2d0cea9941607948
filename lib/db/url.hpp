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

    /// The URL with any password replaced by "***" (redact_url): the only form that may be printed.
    std::string redacted() const;
};

/// Parses `url`; relative SQLite paths are resolved against `base_dir` (the folder of
/// autogen.toml). A PostgreSQL URL goes through libpq's parser, and its port(s) must be
/// numbers from 1 to 65535: a malformed URL is a Config error (exit 2) before any
/// connection is tried. Errors name the URL (redacted) and the accepted forms, never a
/// password.
std::optional<DatabaseUrl> parse_url(const std::string& url, const std::filesystem::path& base_dir,
                                     support::Diagnostics& diags);

/// The PostgreSQL URL `url` naming database `name` instead of its own; user, password,
/// host, port and ?options are kept. (A dbname= option in the query would still win.)
std::string with_database(const std::string& url, const std::string& name);

/// Removes a password from any URL-looking text ("postgresql://u:secret@h" -> "postgresql://u:***@h",
/// "password=secret" -> "password=***"). A safety net for arbitrary text: where the
/// URL is known, redact_url and redact_secrets are exact.
std::string redact_password(const std::string& text);

/// `url` (a URL or a libpq conninfo string, well-formed or not) with every secret value
/// replaced by "***": the password of user:password@ (everything from the first ':'
/// after the scheme to the last '@', so a password holding '@', ':', '/', spaces or a
/// bad percent-escape is hidden whole), ?password= / &sslpassword= query options, and
/// password= / sslpassword= keywords of a conninfo string (quoted values too).
std::string redact_url(const std::string& url);

/// `text` (a message about `url`, e.g. libpq's own error, which may quote a token of
/// the conninfo) with every secret of `url` removed: each secret value, raw and
/// percent-decoded, wherever it occurs (4 characters or more), any quoted token ("..."
/// or '...') that is part of a secret, and then redact_password's patterns.
std::string redact_secrets(const std::string& text, const std::string& url);

}  // namespace autogen::db
