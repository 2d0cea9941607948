// The version table in the migrated database (default "autogen_version"): one row per
// current head (Alembic's layout). Beside it, "<name>_log" holds one row per applied
// revision (its id, the checksum of the file as it was applied, and when), so an edit to
// any applied revision is detected, not only to the heads. One writer, move(), changes it inside
// the caller's transaction and checks that every statement touched exactly one row (Alembic's
// HeadMaintainer), so a concurrent or out-of-band change is detected instead of silently
// overwritten.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "db/connection.hpp"
#include "migrate/revision_file.hpp"
#include "support/diagnostics.hpp"

namespace autogen::migrate {

/// One statement of a version change: SQL with $1.. parameters (in ascending order of
/// appearance), their values, and what it does (for messages).
struct VersionChange {
    std::string sql;
    std::vector<std::optional<std::string>> params;
    std::string what;
};

/// The version table's heads and the applied revisions' checksums, as one read sees them.
struct VersionState {
    std::vector<std::string> heads;                              ///< sorted
    std::vector<std::pair<std::string, std::string>> checksums;  ///< as checksums() returns them
};

class VersionTable {
  public:
    explicit VersionTable(std::string name = "autogen_version") : name_(std::move(name)) {}

    const std::string& name() const { return name_; }
    /// The log table's name: "<name>_log".
    std::string log_name() const { return name_ + "_log"; }

    /// CREATE TABLE IF NOT EXISTS: version_num VARCHAR(64) primary key, applied_at
    /// (ISO 8601 UTC text) and checksum (sha256 of the revision file) columns.
    bool ensure(db::Connection& conn, support::Diagnostics& diags) const;

    /// The CREATE TABLE IF NOT EXISTS statements ensure() runs, for the version table and
    /// its log, separated by ";\n" (also printed by offline SQL).
    std::string create_sql() const;

    /// Takes the table's row locks inside the caller's transaction (a no-op UPDATE of
    /// every row), so that on databases whose BEGIN takes no write lock (PostgreSQL) a
    /// second migrator waits here and then reads the first one's version.
    bool lock(db::Connection& conn, support::Diagnostics& diags) const;
    /// The statement lock() runs (also printed by offline SQL).
    std::string lock_sql() const;

    /// Whether the table exists, asked of the database's catalog; nullopt (after a
    /// Database diagnostic) when the database cannot be read: a database that cannot
    /// be read is never taken for one without a version table.
    std::optional<bool> exists(db::Connection& conn, support::Diagnostics& diags) const;

    /// The revision ids in the table, sorted. Fails if the table does not exist.
    std::optional<std::vector<std::string>> heads(db::Connection& conn,
                                                  support::Diagnostics& diags) const;

    /// The stored checksum of each applied revision (empty string when NULL), sorted by
    /// id: the log's rows, plus the heads' own checksums for heads the log lacks (a
    /// database migrated before the log existed).
    std::optional<std::vector<std::pair<std::string, std::string>>> checksums(
        db::Connection& conn, support::Diagnostics& diags) const;

    /// The heads and the checksums in one statement (one round trip, no lock, nothing
    /// written), for the runner's "nothing to do" answer at an application's start-up.
    /// nullopt when that statement fails (no version table or no log yet, a database
    /// that cannot be read): the caller then takes the long way, which reports. Nothing
    /// is reported here.
    std::optional<VersionState> read_state(db::Connection& conn) const;

    /// The log statements for applying (Upgrade: the row is replaced) or undoing
    /// (Downgrade: the row is removed) revision `id`.
    std::vector<VersionChange> plan_log(const std::string& id, const std::string& checksum,
                                        Direction direction, const std::string& applied_at) const;

    /// Runs plan_log() inside the caller's transaction.
    bool log(db::Connection& conn, const std::string& id, const std::string& checksum,
             Direction direction, support::Diagnostics& diags) const;

    /// The one writer: removes the ids `from` and adds the ids `to` (which ones:
    /// RevisionGraph::head_change()), pairing them as UPDATEs and the rest as DELETE /
    /// INSERT, each statement checked to change exactly one row. Runs inside the
    /// caller's transaction; `checksums` are stored for the added ids (same order as
    /// `to`, may be shorter).
    bool move(db::Connection& conn, const std::vector<std::string>& from,
              const std::vector<std::string>& to, const std::vector<std::string>& checksums,
              support::Diagnostics& diags) const;

    /// The statements move() runs, without executing them; `applied_at` is the ISO 8601
    /// time stored in the added rows. Offline SQL (`--sql`) prints the same statements.
    std::vector<VersionChange> plan_move(const std::vector<std::string>& from,
                                         const std::vector<std::string>& to,
                                         const std::vector<std::string>& checksums,
                                         const std::string& applied_at) const;

    /// The table name, quoted as an SQL identifier.
    std::string quoted() const;
    /// The log table's name ("<name>_log"), quoted.
    std::string quoted_log() const;

  private:
    std::string name_;
};

}  // namespace autogen::migrate
