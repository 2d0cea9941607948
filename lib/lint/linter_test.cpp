// The generic linter: suppressions per statement and per file, an ignore comment without
// a reason or with an unknown code, and where findings point.
#include "lint/linter.hpp"

#include <doctest/doctest.h>

#include "tests/support/lint_test_fixtures.hpp"

using namespace autogen::lint;
using namespace autogen::lint::testing;

namespace {

std::vector<std::string> codes_of(const std::vector<LintFinding>& findings) {
    std::vector<std::string> codes;
    for (const auto& f : findings) codes.push_back(f.code);
    return codes;
}

}  // namespace

TEST_CASE("an ignore comment right above a statement silences that statement only") {
    auto r = lint_text("postgresql",
                       revision_text("postgresql",
                                     "-- autogen:lint ignore AG101 the table has ten rows\n"
                                     "CREATE INDEX a ON t (x);\n"
                                     "\n"
                                     "CREATE INDEX b ON t (y);"));
    CHECK(codes_of(r.findings) == std::vector<std::string>{"AG101"});
    CHECK(r.findings[0].line == 11);
    CHECK(codes_of(r.suppressed) == std::vector<std::string>{"AG101"});
    CHECK(r.suppressed[0].line == 9);
}

TEST_CASE("several codes, and other comment lines between the ignore and the statement") {
    auto r = lint_text(
        "postgresql", revision_text("postgresql",
                                    "-- autogen:lint ignore AG113,AG110 nothing reads it since v2\n"
                                    "-- WARNING: drops column \"users\".\"phone\"\n"
                                    "ALTER TABLE users DROP COLUMN phone;"));
    CHECK(r.findings.empty());
    CHECK(r.suppressed.size() == 2);
}

TEST_CASE("an ignore comment in the header silences the rule in the whole file") {
    auto r =
        lint_text("postgresql",
                  revision_text("postgresql", "CREATE INDEX a ON t (x);", "DROP INDEX a;", false,
                                "-- autogen:lint ignore AG101 built before the table fills\n"));
    CHECK(codes_of(r.findings) == std::vector<std::string>{"AG102", "AG110"});
    CHECK(r.findings[0].direction == "downgrade");
    CHECK(codes_of(r.suppressed) == std::vector<std::string>{"AG101"});
}

TEST_CASE("an ignore comment without a reason is a finding and silences nothing") {
    auto r = lint_text("postgresql", revision_text("postgresql",
                                                   "-- autogen:lint ignore AG101\n"
                                                   "CREATE INDEX a ON t (x);"));
    CHECK(codes_of(r.findings) == std::vector<std::string>{"AG001", "AG101"});
    CHECK(r.findings[0].line == 8);
    CHECK(r.findings[0].severity == LintSeverity::Error);
    CHECK(r.suppressed.empty());
}

TEST_CASE("an ignore comment naming an unknown code is a warning") {
    auto r = lint_text("postgresql", revision_text("postgresql",
                                                   "-- autogen:lint ignore AG999 why not\n"
                                                   "SELECT 1;"));
    CHECK(codes_of(r.findings) == std::vector<std::string>{"AG002"});
    CHECK(r.findings[0].message.find("AG999") != std::string::npos);
}

TEST_CASE("findings carry the file, the dialect and the column of the statement") {
    auto r = lint_text("postgresql",
                       revision_text("postgresql", "SELECT 1;   CREATE INDEX a ON t (x);"));
    REQUIRE(r.findings.size() == 1);
    CHECK(r.findings[0].path == "migrations/0123456789ab.sql");
    CHECK(r.findings[0].dialect == "postgresql");
    CHECK(r.findings[0].line == 8);
    CHECK(r.findings[0].column == 13);
    CHECK(r.findings[0].statement == "CREATE INDEX a ON t(x)");
}

TEST_CASE("every rule in the catalogue has a unique code and a name") {
    std::set<std::string_view> codes;
    for (const auto& rule : rule_catalogue()) {
        CHECK(codes.insert(rule.code).second);
        CHECK(!rule.name.empty());
        CHECK(find_rule(rule.code) == &rule);
    }
}
