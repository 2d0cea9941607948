// Test harness for the SQLite dialect tests (header-only, used by *_test.cpp only): a
// real in-memory SQLite database with the dialect's planner, inspector and rules, all from the
// dialect registry, to apply lowered schemas and plans and read the result back. No mocks.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "codegen/planner.hpp"
#include "diff/diff_rules.hpp"
#include "introspect/inspector.hpp"
#include "tests/support/db_rows.hpp"
#include "tests/support/registry_dialect.hpp"

namespace autogen::testing {

class SqliteHarness {
  public:
    SqliteHarness()
        : dialect("sqlite"),
          conn(dialect.connect("sqlite://:memory:", diags)),
          planner(dialect->planner.get()),
          inspector(dialect->inspector.get()),
          rules(dialect->rules.get()) {}

    /// Runs `statements` in one transaction (foreign keys checked at commit).
    bool run(const std::vector<codegen::Statement>& statements) {
        if (!conn->begin(diags)) return false;
        for (const auto& s : statements) {
            if (!conn->execute(s.sql, diags)) {
                conn->rollback(diags);
                return false;
            }
        }
        return conn->commit(diags);
    }

    /// Creates every table of a lowered schema with the planner's CreateTable statements.
    bool create(const schema::Schema& lowered) {
        std::vector<schema::Operation> ops;
        for (const auto& t : lowered.tables) ops.push_back(schema::CreateTable{t});
        return run(planner->plan(ops, schema::Schema{}, lowered, diags));
    }

    schema::Schema inspect(const introspect::InspectOptions& options = {}) {
        auto s = inspector->inspect(*conn, options, diags);
        return s ? *s : schema::Schema{};
    }

    /// The rows of a query, each as "a|b|NULL".
    std::vector<std::string> rows(const std::string& sql) {
        return test::query_rows(*conn, sql, diags);
    }

    /// Every diagnostic so far, formatted, for failure messages.
    std::string messages() const { return test::format_all(diags); }

    support::Diagnostics diags;
    RegistryDialect dialect;
    std::unique_ptr<db::Connection> conn;
    codegen::Planner* planner;
    introspect::Inspector* inspector;
    diff::DiffRules* rules;
};

}  // namespace autogen::testing
