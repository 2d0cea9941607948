// The version table in the migrated database (default "autogen_version"): one row per
// current head. One writer, move(), changes it inside the caller's transaction and
// checks that every statement touched exactly one row (Alembic's HeadMaintainer), so a
// concurrent or out-of-band change is detected instead of silently overwritten.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "db/connection.hpp"
#include "migrate/revision_file.hpp"
#include "support/diagnostics.hpp"

namespace autogen::migrate {

class VersionTable {
public:
    explicit VersionTable(std::string name = "autogen_version") : name_(std::move(name)) {}

    const std::string& name() const { return name_; }

    /// CREATE TABLE IF NOT EXISTS: version_num VARCHAR(64) primary key, applied_at
    /// (ISO 8601 UTC text) and checksum (sha256 of the revision file) columns.
    bool ensure(db::Connection& conn, support::Diagnostics& diags) const;

    /// True if the table exists (probed with a query that reads no row).
    bool exists(db::Connection& conn) const;

    /// The revision ids in the table, sorted. Fails if the table does not exist.
    std::optional<std::vector<std::string>> heads(db::Connection& conn, support::Diagnostics& diags) const;

    /// The stored checksum of each applied head (empty string when NULL).
    std::optional<std::vector<std::pair<std::string, std::string>>> checksums(db::Connection& conn,
                                                                             support::Diagnostics& diags) const;

    /// The version change of applying `rev` upward: its down_revisions that are heads
    /// are replaced by it (UPDATE one, DELETE the others), or it is INSERTed when none
    /// is (a base, or a new branch). `heads_before` are the heads read in this transaction.
    bool record_upgrade(db::Connection& conn, const Revision& rev, const std::vector<std::string>& heads_before,
                        support::Diagnostics& diags) const;

    /// The version change of undoing `rev`: it is replaced by `parents_to_add` (those of
    /// its down_revisions that no other remaining head already covers; the runner
    /// computes them from the graph), or DELETEd when that is empty.
    bool record_downgrade(db::Connection& conn, const Revision& rev, const std::vector<const Revision*>& parents_to_add,
                          support::Diagnostics& diags) const;

    /// The one writer: removes `from`, adds `to` (pairing them as UPDATEs, the rest as
    /// DELETE / INSERT), each statement checked to change exactly one row. Runs inside
    /// the caller's transaction; `checksums` are stored for the added ids (same order as `to`, may be shorter).
    bool move(db::Connection& conn, const std::vector<std::string>& from, const std::vector<std::string>& to,
              const std::vector<std::string>& checksums, support::Diagnostics& diags) const;

private:
    std::string quoted() const;
    std::string name_;
};

}  // namespace autogen::migrate
