// The rules every dialect shares: renames and drops, which break the application that
// is still running against the old schema while the revision is applied, and drops
// lose data (AG111-AG114).
#pragma once

#include <set>
#include <string>
#include <vector>

#include "lint/lint_rules.hpp"

namespace autogen::lint {

/// SQLite's lock, in SQLite's terms (https://www.sqlite.org/lockingv3.html): a writer
/// holds RESERVED while it works and EXCLUSIVE to commit; every other writer waits.
inline constexpr const char* kSqliteWriteLock =
    "database write lock (RESERVED, then EXCLUSIVE at commit)";

/// How a dialect names the lock a rename or drop takes, in its own terms.
struct CompatLock {
    std::string lock;             ///< "ACCESS EXCLUSIVE", or SQLite's database write lock
    bool whole_database = false;  ///< taken on the whole database, not on the table
};

/// PostgreSQL's: ACCESS EXCLUSIVE on the table.
CompatLock postgres_compat_lock();
/// SQLite's: the database's write lock (SQLite locks the file, not a table).
CompatLock sqlite_compat_lock();

/// The tables the upgrade section of the same revision creates, when `input` is a
/// downgrade section: their drop there loses no row that was there before the revision.
std::set<std::string> created_by_upgrade(const SectionInput& input);

/// The findings of `statement` for renames and drops; tables in `new_tables` (created
/// by the same section, or rebuilt by it) are nobody's yet and yield none, and a drop of
/// one of `created_by_revision` (the downgrade undoing the revision's own CREATE TABLE)
/// is no data loss.
void check_compat(const LintStatement& statement, const std::set<std::string>& new_tables,
                  const std::set<std::string>& created_by_revision, const CompatLock& lock,
                  std::vector<LintFinding>& out);

}  // namespace autogen::lint
