// Test harness for the PostgreSQL dialect tests (header-only, used by *_test.cpp only):
// a fresh database on the real test server (ctest's "postgres" fixture) with the
// dialect's connection, planner, inspector and rules from the dialect registry, to apply
// lowered schemas and plans and read the result back. No mocks.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "codegen/planner.hpp"
#include "diff/differ.hpp"
#include "diff/phrases.hpp"
#include "introspect/inspector.hpp"
#include "tests/support/db_rows.hpp"
#include "tests/support/postgres_test_server.hpp"
#include "tests/support/registry_dialect.hpp"

namespace autogen::testing {

class PostgresHarness {
  public:
    PostgresHarness()
        : dialect("postgresql"),
          conn(dialect.connect(database.url(), diags)),
          planner(dialect->planner.get()),
          inspector(dialect->inspector.get()),
          rules(dialect->rules.get()) {}

    /// Runs `statements` one by one in one transaction; rolls back at the first failure.
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

    /// Runs `statements` as the migration runner runs a section: in one transaction, or,
    /// when one of them is no_transaction (an online plan), each on its own.
    bool run_section(const std::vector<codegen::Statement>& statements) {
        bool outside = false;
        for (const auto& s : statements) outside = outside || s.no_transaction;
        if (!outside) return run(statements);
        for (const auto& s : statements)
            if (!s.sql.empty() && !conn->execute(s.sql, diags)) return false;
        return true;
    }

    /// Creates a lowered schema with the planner's statements for the differ's
    /// operations from an empty database (enums first, referenced tables first).
    bool create(const schema::Schema& lowered) {
        return run(planner->plan(diff::diff(schema::Schema{}, lowered, *rules), schema::Schema{},
                                 lowered, diags));
    }

    schema::Schema inspect() {
        auto s = inspector->inspect(*conn, {}, diags);
        return s ? *s : schema::Schema{};
    }

    /// What the differ still finds between the database and `want` ("" when nothing).
    std::string left_to_do(const schema::Schema& want) {
        std::string out;
        for (const auto& op : diff::diff(inspect(), want, *rules)) out += diff::describe(op) + "\n";
        return out;
    }

    /// The rows of a query, each as "a|b|NULL".
    std::vector<std::string> rows(const std::string& sql) {
        return test::query_rows(*conn, sql, diags);
    }

    /// Every diagnostic so far, formatted, for failure messages.
    std::string messages() const { return test::format_all(diags); }

    support::Diagnostics diags;
    test::PostgresTestDatabase database;
    RegistryDialect dialect;
    std::unique_ptr<db::Connection> conn;
    codegen::Planner* planner;
    introspect::Inspector* inspector;
    diff::DiffRules* rules;
};

/// The model as PostgreSQL will hold it: lowered, created in a scratch database and read
/// back; `renamed_from` (model-only) is carried over from the model.
inline schema::Schema materialize_postgres(const schema::Schema& model, std::string& errors) {
    PostgresHarness scratch;
    schema::Schema lowered = scratch.planner->lower(model, scratch.diags);
    if (!scratch.conn || !scratch.create(lowered)) {
        errors = scratch.messages();
        return {};
    }
    schema::Schema s = scratch.inspect();
    for (auto& t : s.tables) {
        const schema::Table* m = model.find_table(t.name, t.schema);
        if (!m) continue;
        t.renamed_from = m->renamed_from;
        for (auto& c : t.columns)
            if (const schema::Column* mc = m->find_column(c.name))
                c.renamed_from = mc->renamed_from;
    }
    errors = scratch.messages();
    return s;
}

}  // namespace autogen::testing
