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
    /// The statement cannot share a transaction with the statements before it: a
    /// CONCURRENTLY build or drop, or (online) a VALIDATE CONSTRAINT that must not hold
    /// the stronger lock of the ADD before it. Any such statement makes its section a
    /// `-- autogen: no-transaction` one.
    bool no_transaction = false;
};

/// How a planner writes statements (the `[postgresql]` config and `revision --online`).
struct PlanOptions {
    /// Online planning (docs/lint.md "Online planning"): the PostgreSQL planner writes
    /// the form that does not block the running application (CONCURRENTLY, NOT VALID
    /// then VALIDATE, NOT NULL through a validated check, lock_timeout). SQLite ignores it.
    bool online = false;
    /// The `SET lock_timeout` value of online sections (a PostgreSQL duration).
    std::string lock_timeout = "2s";
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
                                        const PlanOptions& options,
                                        support::Diagnostics& diags) const = 0;

    /// The same with the default options (not online).
    std::vector<Statement> plan(const std::vector<schema::Operation>& ops,
                                const schema::Schema& from, const schema::Schema& to,
                                support::Diagnostics& diags) const {
        return plan(ops, from, to, PlanOptions{}, diags);
    }
};

}  // namespace autogen::codegen
