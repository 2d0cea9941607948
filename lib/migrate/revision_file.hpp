// A revision file (SPEC §4) parsed into data: header fields, one upgrade and one
// downgrade section per dialect, and the checksum of the file's bytes. Parsing never
// throws; every problem is a Category::MigrationFile diagnostic with file:line and a fix.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "support/diagnostics.hpp"

namespace autogen::migrate {

/// Which way a section runs.
enum class Direction { Upgrade, Downgrade };

/// "upgrade" / "downgrade", as written in section markers.
const char* to_string(Direction d);

/// The SQL of one `-- +upgrade <dialect>` or `-- +downgrade <dialect>` section.
struct Section {
    std::string dialect;
    /// The section's lines verbatim (comments included), from the line after the
    /// marker up to the next marker or the end of the file.
    std::string sql;
    /// 1-based line in the file of the first line of `sql`.
    unsigned first_line = 0;
    /// The section holds a `-- autogen: no-transaction` line: it runs outside a transaction.
    bool no_transaction = false;
};

/// One parsed revision file.
struct Revision {
    std::string id;
    std::vector<std::string> down_revisions;  ///< empty for a base revision; several for a merge
    std::string message;
    std::string created;  ///< as written in the header (ISO 8601, UTC)
    std::vector<std::string> branch_labels;
    std::vector<std::string> depends_on;
    std::filesystem::path path;
    std::map<std::string, Section> upgrade;    ///< by dialect
    std::map<std::string, Section> downgrade;  ///< by dialect
    std::string checksum;                      ///< sha256 hex of the file's bytes

    /// The section for `dialect` in direction `d`, or nullptr when the file has none.
    const Section* section(Direction d, std::string_view dialect) const;
    bool is_base() const { return down_revisions.empty(); }
    bool is_merge() const { return down_revisions.size() > 1; }
};

/// The first header line of every revision file.
inline constexpr std::string_view kRevisionMarker = "-- autogen revision";
/// The line that makes a section run outside a transaction.
inline constexpr std::string_view kNoTransactionMarker = "-- autogen: no-transaction";

/// Parses the text of a revision file. `path` is used for messages and stored in the
/// result; `dialects` are the configured ones ([database] dialects): a section for any
/// other dialect is an error. Returns nullopt after reporting errors.
std::optional<Revision> parse_revision(std::string_view text, const std::filesystem::path& path,
                                       const std::vector<std::string>& dialects,
                                       support::Diagnostics& diags);

/// Reads and parses the revision file at `path`.
std::optional<Revision> read_revision_file(const std::filesystem::path& path,
                                           const std::vector<std::string>& dialects,
                                           support::Diagnostics& diags);

/// True if `id` is usable as a revision id: 1-64 characters of [A-Za-z0-9_-], and not
/// one of the reserved target words (head, heads, base, none).
bool valid_revision_id(std::string_view id);

}  // namespace autogen::migrate
