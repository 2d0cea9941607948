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

TEST_CASE("SQLite findings name SQLite's lock, not PostgreSQL's") {
    auto r = lint_text("sqlite", revision_text("sqlite",
                                               "DROP TABLE legacy;\n"
                                               "ALTER TABLE users RENAME COLUMN a TO b;\n"
                                               "ALTER TABLE users DROP COLUMN c;\n"
                                               "ALTER TABLE users RENAME TO people;"));
    REQUIRE(r.findings.size() == 4);
    for (const auto& f : r.findings) {
        CAPTURE(f.code);
        CHECK(f.lock.find("ACCESS EXCLUSIVE") == std::string::npos);
        CHECK(f.lock == "database write lock (RESERVED, then EXCLUSIVE at commit)");
        CHECK(f.lock_on == "the whole database");
    }
}

TEST_CASE("SQLite: the downgrade's drop of a table its upgrade created is no AG114") {
    auto r = lint_text("sqlite", revision_text("sqlite", "CREATE TABLE tags (id INTEGER);",
                                               "DROP TABLE tags;\nDROP TABLE legacy;"));
    std::vector<std::string> found;
    for (const auto& f : r.findings)
        found.push_back(f.direction + ":" + f.code + ":" + std::to_string(f.line));
    // Only the drop of a table the revision did not create (line 11 of the file).
    REQUIRE(found.size() == 1);
    CHECK(found[0].rfind("downgrade:AG114:", 0) == 0);
    CHECK(r.findings[0].message.find("\"legacy\"") != std::string::npos);
}

TEST_CASE("SQLite: AG118, transaction control inside a section, and none for savepoints") {
    auto r =
        lint_text("sqlite", revision_text("sqlite", "BEGIN;\nCREATE TABLE t (id INT);\nCOMMIT;"));
    std::size_t ag118 = 0;
    for (const auto& f : r.findings) ag118 += f.code == "AG118";
    CHECK(ag118 == 2);
    CHECK(
        lint_text("sqlite", revision_text("sqlite", "SAVEPOINT s;\nRELEASE s;")).findings.empty());
}
