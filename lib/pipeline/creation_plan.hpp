// How materialize() creates a schema in a scratch database: the planner's statements in
// order, on one session; or, where the dialect opens more sessions on one scratch
// database (Dialect::scratch_peer) and the schema is large, in phases those sessions
// share: the enum types and schemas; the tables with their indexes but no foreign keys,
// a few tables to a group, side by side; then the foreign keys on one session (they
// wait for the referenced tables' locks). The read-back is the same either way
// (tests/conformance/table_memo_property_test.cpp compares them).
//
// In the shared shape, foreign keys that differ only in their name and their own
// columns' names are created once: one of them (the first) is created, the others are
// read back as a copy of its read-back with their own name and columns (copy_keys).
// PostgreSQL gives nothing else of a foreign key a table-specific reading, and the one
// created still has the server check what the others would have it check (the
// referenced key exists and is unique, the column types compare). Why: every foreign
// key to a table adds triggers to it that the server reloads on the next one, so N
// keys to one table cost O(N^2) of server DDL (docs/performance.md: ~1.3 s of 4 at
// 1,000 tables, worse than linear at 10,000).
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "codegen/planner.hpp"
#include "dialect/dialect.hpp"
#include "run_in_scratch.hpp"
#include "schema/schema.hpp"
#include "support/diagnostics.hpp"

namespace autogen::pipeline {

/// One call of run_statement_groups.
struct CreationPhase {
    std::vector<std::vector<codegen::Statement>> groups;
    GroupRun run;
};

/// A foreign key not created: read back as a copy of `like`, another key of its table's
/// schema that has the same definition but for its name and its own columns' names.
struct CopiedKey {
    std::string schema, table;  ///< the table that declares it
    schema::ForeignKey key;     ///< as lowered
    std::string like_table;     ///< the created key's table (same schema), and its name
    std::string like_key;
};

/// How to create a lowered schema in an empty scratch database.
struct CreationPlan {
    std::vector<CreationPhase> phases;
    std::vector<CopiedKey> copied;  ///< keys to add to the read-back (copy_keys)
};

/// The statements `dialect`'s planner writes to create `to` (a lowered schema) from
/// nothing, in order; `from` says what already exists (schemas the planner need not
/// create). The one place "what creates this schema" is asked.
std::vector<codegen::Statement> creation_statements(const dialect::Dialect& dialect,
                                                    const schema::Schema& to,
                                                    support::Diagnostics& diags,
                                                    const schema::Schema& from = {});

/// The phases that create `lowered` (a lowered schema) in an empty scratch database of
/// `dialect`; `in_order` is the planner's statements for it (the one phase used when
/// sessions cannot be shared). `read_back(table)`: whether the table's read-back is
/// used (a key is copied only from a table that is read back). nullopt after a planning
/// error.
std::optional<CreationPlan> creation_plan(
    const dialect::Dialect& dialect, const schema::Schema& lowered,
    std::vector<codegen::Statement> in_order,
    const std::function<bool(const schema::Table&)>& read_back, support::Diagnostics& diags);

/// Adds the `copied` keys to `read` (the scratch database's read-back), each in its
/// table's foreign keys in the order the inspector gives them (by name). False if a key
/// to copy from is not in `read` (then nothing may be trusted: the caller creates them).
bool copy_keys(const std::vector<CopiedKey>& copied, schema::Schema& read);

}  // namespace autogen::pipeline
