// Database URLs of SPEC §2, the scheme-neutral part: the parsed form every dialect's
// URL parser fills (lib/db/<dialect>_url.hpp), the scheme split the registry finds a
// dialect by (dialect::DialectRegistry::parse_url), and password redaction.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "support/diagnostics.hpp"

namespace autogen::db {

struct DatabaseUrl {
    std::string scheme;    ///< the registry name of the dialect whose parser read it
    std::string original;  ///< as given
    /// What the dialect's connection opens, as its URL parser resolved it (a file path,
    /// or the connection string handed to the client library as is).
    std::string target;

    /// The URL with any password replaced by "***" (redact_url): the only form that may be printed.
    std::string redacted() const;
};

/// The scheme of `url` ("scheme://..."): the text before the first "://", or empty
/// when there is none. The registry finds the dialect that parses the rest by it.
std::string url_scheme(const std::string& url);

/// The server URL `url` naming database `name` instead of its own; user, password,
/// host, port and ?options are kept. (A dbname= option in the query would still win.)
std::string with_database(const std::string& url, const std::string& name);

/// Removes a password from any URL-looking text ("postgresql://u:secret@h" ->
/// "postgresql://u:***@h", "password=secret" -> "password=***"). A safety net for arbitrary text:
/// where the URL is known, redact_url and redact_secrets are exact.
std::string redact_password(const std::string& text);

/// Could redact_password's password keyword pattern match in `text`: is there a "pass",
/// then "w" or "%77", then "ord", blanks and "=" (letters in any case)? Errs on yes (a
/// byte outside ASCII counts as a blank, and the text's end as a "=": the next piece of a
/// longer text may start with it). Where it says no, redact_password works line by
/// line, so a long text may be redacted a piece at a time (split after a line break);
/// where it says yes for any piece, a quoted value may run over lines: redact the text whole. Also
/// what keeps redact_password's keyword regex (about 0.1 s a megabyte) off most text.
bool may_hold_password_keyword(std::string_view text);

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
