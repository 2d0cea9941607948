// How materialize() creates a schema in a scratch database: the planner's statements in
// order, on one session; or, where the dialect opens more sessions on one scratch
// database (Dialect::scratch_peer) and the schema is large, in phases those sessions
// share: the enum types and schemas; the tables with their indexes but no foreign keys,
// a few tables to a group, side by side; then the foreign keys on one session (they
// wait for the referenced tables' locks). The read-back is the same either way
// (tests/conformance/table_memo_property_test.cpp compares them).
#pragma once

#include <optional>
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

/// The statements `dialect`'s planner writes to create `to` (a lowered schema) from
/// nothing, in order; `from` says what already exists (schemas the planner need not
/// create). The one place "what creates this schema" is asked.
std::vector<codegen::Statement> creation_statements(const dialect::Dialect& dialect,
                                                    const schema::Schema& to,
                                                    support::Diagnostics& diags,
                                                    const schema::Schema& from = {});

/// The phases that create `lowered` (a lowered schema) in an empty scratch database of
/// `dialect`; `in_order` is the planner's statements for it (the one phase used when
/// sessions cannot be shared). nullopt after a planning error.
std::optional<std::vector<CreationPhase>> creation_plan(const dialect::Dialect& dialect,
                                                        const schema::Schema& lowered,
                                                        std::vector<codegen::Statement> in_order,
                                                        support::Diagnostics& diags);

}  // namespace autogen::pipeline
