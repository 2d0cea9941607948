// PostgreSQL's database URLs (SPEC §2): postgresql://user:password@host:port/db?options,
// also postgres://. Reached through the dialect registry (lib/dialect/postgres_dialect.cpp).
#pragma once

#include <optional>
#include <string>

#include "db/url.hpp"

namespace autogen::db {

/// Parses a postgresql:// or postgres:// URL through libpq's parser, and checks its
/// port(s) are numbers from 1 to 65535: a malformed URL is a Config error (exit 2)
/// before any connection is tried. DatabaseUrl::target is the URL as given (handed to
/// libpq as is). Errors name the URL (redacted) and the accepted form, never a password.
std::optional<DatabaseUrl> parse_postgres_url(const std::string& url, support::Diagnostics& diags);

}  // namespace autogen::db
