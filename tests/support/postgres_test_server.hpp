// Test helpers for the PostgreSQL test server that ctest's "postgres" fixture starts
// (scripts/pg-server.sh; tests/CMakeLists.txt): its URL, and a fresh database per test
// so that tests run in parallel (ctest -j) without seeing each other's tables.
#pragma once

#include <memory>
#include <string>

#include "db/connection.hpp"
#include "support/diagnostics.hpp"

namespace autogen::test {

/// The test server's URL, read from the file named by AUTOGEN_TEST_PG_URL_FILE. FAILS
/// the current test (never skips) when there is none, saying how to start a server.
std::string postgres_test_server_url();

/// A new, empty database on the test server (unique name, from template0), dropped
/// WITH (FORCE) on destruction, so connections left open do not keep it alive.
class PostgresTestDatabase {
  public:
    PostgresTestDatabase();
    ~PostgresTestDatabase();
    PostgresTestDatabase(const PostgresTestDatabase&) = delete;
    PostgresTestDatabase& operator=(const PostgresTestDatabase&) = delete;

    /// postgresql://postgres@127.0.0.1:PORT/<name>
    const std::string& url() const { return url_; }
    /// The database's name.
    const std::string& name() const { return name_; }
    /// A new connection to the database (nullptr after reporting into `diags`).
    std::unique_ptr<db::Connection> connect(support::Diagnostics& diags) const;

  private:
    std::string server_url_;
    std::string name_;
    std::string url_;
};

}  // namespace autogen::test
