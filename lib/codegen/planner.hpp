// Operations -> SQL statements, per dialect (sqlite_planner.cpp, postgres_planner.cpp).
// The planner is where SQL text is born: through the quoting builder, never by
// concatenating identifiers. The Jinja templates only lay statements out in a file.
#pragma once

#include <string>
#include <vector>

#include "schema/operation.hpp"
#include "schema/schema.hpp"
#include "support/diagnostics.hpp"

namespace autogen::codegen {

/// One SQL statement of a revision, ready to print.
struct Statement {
    std::string sql;           ///< complete statement, without the trailing ';'
    std::string comment;       ///< optional "-- ..." line(s) above it, without the "-- "
    bool destructive = false;  ///< rendered with a "-- WARNING: ..." line
    std::string warning;       ///< the text of that warning
    bool no_transaction = false;
};

class Planner {
  public:
    virtual ~Planner() = default;

    /// The dialect's name, as used in revision sections ("-- +upgrade sqlite").
    virtual std::string dialect() const = 0;

    /// Fills `ColumnType::sql` of every column from its logical type, the dialect's
    /// type mapping (SPEC §1 / docs/types.md). Columns that already have `sql` keep it.
    virtual schema::Schema lower(const schema::Schema& model,
                                 support::Diagnostics& diags) const = 0;

    /// Renders `ops`, which turn schema `from` into schema `to` (both lowered), into
    /// statements. `from`/`to` give strategies such as SQLite's table rebuild the
    /// whole tables they need.
    virtual std::vector<Statement> plan(const std::vector<schema::Operation>& ops,
                                        const schema::Schema& from, const schema::Schema& to,
                                        support::Diagnostics& diags) const = 0;
};

}  // namespace autogen::codegen
