// SQLite's table-rebuild strategy (ARCHITECTURE 7, after Atlas sql/sqlite/migrate.go):
// what ALTER TABLE can do in place, and how a table is rebuilt into its new shape
// when it cannot (create new, copy with explicit column lists, drop, rename, recreate
// indexes and triggers) — inside the revision's transaction, keeping every row.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "codegen/planner.hpp"
#include "schema/operation.hpp"
#include "schema/schema.hpp"

namespace autogen::codegen::sqlite {

/// Prefix of the scratch table a rebuild creates; the inspector never reports it.
inline constexpr const char* kRebuildPrefix = "_autogen_new_";

/// Can `op` run as an in-place statement (ALTER TABLE ... / CREATE INDEX / no-op)?
/// `before` is the op's table as it was before the whole change (may be null for a
/// table created by the same plan), `after` its final shape (may be null if dropped).
/// False means the table must be rebuilt.
bool alter_can_do(const schema::Operation& op, const schema::Table* before,
                  const schema::Table* after, const schema::Schema& from);

/// One table to rebuild: its shape before and after, and where each new column's
/// values come from.
struct Rebuild {
    const schema::Table* before = nullptr;  ///< as in `from` (original name)
    const schema::Table* after = nullptr;   ///< as in `to` (final name and shape)
    /// new column name -> old column name it is copied from; a new column missing here
    /// gets its default.
    std::map<std::string, std::string> sources;
    std::vector<std::string> reasons;   ///< what the absorbed operations do, for the comment
    std::vector<std::string> warnings;  ///< the data they may lose (drops, type changes)
    /// The views and triggers in the database when the rebuild runs (Schema::objects of
    /// the database side, less those the plan dropped before, with the tables the plan
    /// renamed before renamed in their text as SQLite's RENAME TO rewrote them), of which
    /// the rebuild creates the table's triggers again (DROP TABLE takes them) and drops
    /// and re-creates the views and other tables' triggers that read the table.
    std::vector<schema::SqlObject> objects;
    /// The table's name before this plan renamed it (its triggers name it), or empty.
    std::string renamed_from;
};

/// The statements that rebuild `r.before` into `r.after`: CREATE TABLE "_autogen_new_T",
/// INSERT ... SELECT with explicit columns (NULLs of a column that became NOT NULL take
/// its default; without a default, the first statement's comment warns and carries a
/// commented-out UPDATE to fill them), DROP TABLE, ALTER TABLE ... RENAME TO "T",
/// CREATE INDEX for each index, the table's triggers again, and the views and other
/// tables' triggers that read the table (dropped before the old table, created again at
/// the end).
std::vector<Statement> rebuild_table(const Rebuild& r);

}  // namespace autogen::codegen::sqlite
