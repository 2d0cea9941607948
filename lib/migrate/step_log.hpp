// Which statements of a `-- autogen: no-transaction` section have run, recorded one by
// one in "<version table>_steps" as each completes (each in its own implicit
// transaction, as the statement itself), so that a run that fails or is killed in the
// middle of such a section resumes where it stopped: the next run skips what is
// recorded, asks the database what the statement it stopped in left behind
// (Connection::leftover_of: an INVALID index is rebuilt) and goes on. A statement is
// known by the SHA-256 of its text and its occurrence among equal statements, not by
// its line, so fixing the statement that failed and running again works: the edited
// statement is new, the completed ones are still recognised. The rows of a revision
// go in the same transaction as its version change. Created on the first
// no-transaction section, so a database that never runs one has no such table.
#pragma once

#include <optional>
#include <set>
#include <string>

#include "db/connection.hpp"
#include "migrate/revision_file.hpp"
#include "support/diagnostics.hpp"

namespace autogen::migrate {

/// What an earlier run recorded of one revision's section in one direction.
struct SectionProgress {
    bool started = false;        ///< an earlier run began the section and did not finish it
    std::set<std::string> done;  ///< statement_key() of each statement that completed
};

/// How the log knows a statement: "<sha256 of its text>:<n>", the n-th statement of the
/// section with that text.
std::string statement_key(std::string_view sql, unsigned occurrence);

class StepLog {
  public:
    explicit StepLog(const std::string& version_table) : name_(version_table + "_steps") {}

    const std::string& name() const { return name_; }

    /// CREATE TABLE IF NOT EXISTS (revision, direction, statement) with the statement's
    /// file line then (for people) and when it completed.
    bool ensure(db::Connection& conn, support::Diagnostics& diags) const;

    /// What is recorded for `revision` in `direction` (nothing: started == false). The
    /// table must exist (ensure() first, which the runner does before every such section).
    std::optional<SectionProgress> read(db::Connection& conn, const std::string& revision,
                                        Direction direction, support::Diagnostics& diags) const;

    /// Records that the section started (`key` "", `line` 0) or that the statement `key`
    /// (at `line` of the file) completed.
    bool mark(db::Connection& conn, const std::string& revision, Direction direction,
              const std::string& key, unsigned line, support::Diagnostics& diags) const;

    /// Forgets `revision` in both directions: inside the transaction that records its
    /// version change (or stamps across it), after which nothing half-run of it is left.
    /// The table must exist (ensure(), or asked once with Connection::has_table).
    bool clear(db::Connection& conn, const std::string& revision,
               support::Diagnostics& diags) const;

  private:
    std::string quoted() const;
    std::string name_;
};

}  // namespace autogen::migrate
