// SQLite's lint rules: the table rebuild autogen's SQLite planner writes, and drops.
#include "lint/sqlite_lint.hpp"

#include <doctest/doctest.h>

#include "tests/support/lint_test_fixtures.hpp"

using namespace autogen::lint;
using namespace autogen::lint::testing;

namespace {

const char* const kRebuild =
    "-- rebuild table \"users\" (SQLite cannot ALTER this in place): alter column \"email\"\n"
    "CREATE TABLE \"_autogen_new_users\" (\n"
    "    \"id\" INTEGER NOT NULL PRIMARY KEY,\n"
    "    \"email\" VARCHAR(100) NOT NULL\n"
    ");\n"
    "\n"
    "INSERT INTO \"_autogen_new_users\" (\"id\", \"email\") SELECT \"id\", \"email\" FROM "
    "\"users\";\n"
    "\n"
    "DROP TABLE \"users\";\n"
    "\n"
    "ALTER TABLE \"_autogen_new_users\" RENAME TO \"users\";\n";

}  // namespace

TEST_CASE("AG201: a SQLite table rebuild is one finding, not a drop and a rename") {
    auto r = lint_text("sqlite", revision_text("sqlite", kRebuild));
    REQUIRE(r.findings.size() == 1);
    const auto& f = r.findings[0];
    CHECK(f.code == "AG201");
    CHECK(f.line == 9);  // the CREATE TABLE of the new table
    CHECK(f.rewrites);
    CHECK(f.scans);
    CHECK(f.message.find("\"users\"") != std::string::npos);
    CHECK(f.lock_on == "the whole database");
}

TEST_CASE("SQLite: a plain drop and rename are findings, creating a table is not") {
    auto r = lint_text("sqlite", revision_text("sqlite",
                                               "DROP TABLE legacy;\n"
                                               "ALTER TABLE users RENAME COLUMN a TO b;\n"
                                               "CREATE TABLE t (id INTEGER);\n"
                                               "CREATE INDEX ix ON users (a);"));
    std::vector<std::string> codes;
    for (const auto& f : r.findings) codes.push_back(f.code);
    CHECK(codes == std::vector<std::string>{"AG114", "AG112"});
}
