// weigh_by_size: a finding whose cost grows with its table is one level less severe on a
// small table; every finding about a table the database holds says its size; a table the
// database does not hold is "not in the database yet" where its size would matter.
#include <doctest/doctest.h>

#include "lint/finding.hpp"

using namespace autogen::lint;

namespace {

LintFinding about(const std::string& table, LintSeverity severity, bool scans) {
    LintFinding f;
    f.code = "AG101";
    f.severity = severity;
    f.table = table;
    f.scans = scans;
    f.message = "builds an index";
    return f;
}

}  // namespace

TEST_CASE("lint table sizes: small tables lower a growing finding by one level, large keep it") {
    const TableSizes sizes = {
        {"tiny", {3, 32 * 1024}}, {"big", {120000, 22 * 1024 * 1024}}, {"app.fresh", {-1, 8192}}};
    std::vector<LintFinding> findings = {
        about("tiny", LintSeverity::Error, true),
        about("big", LintSeverity::Error, true),
        about("tiny", LintSeverity::Warning, false),  // AG110-like: size does not matter
        about("TINY", LintSeverity::Warning, true),   // an unquoted name, folded
        about("app.fresh", LintSeverity::Info, true),
        about("later", LintSeverity::Error, true),
        about("gone", LintSeverity::Warning, false),
        about("", LintSeverity::Error, true),  // no table named: nothing to weigh
    };
    weigh_by_size(findings, sizes);
    CHECK(findings[0].severity == LintSeverity::Warning);
    CHECK(findings[0].message ==
          "builds an index (table \"tiny\": ~3 rows, 32.0 kB; small enough that the lock is held "
          "briefly)");
    REQUIRE(findings[0].table_size);
    CHECK(findings[0].table_size->rows == 3);
    CHECK(findings[1].severity == LintSeverity::Error);
    CHECK(findings[1].message == "builds an index (table \"big\": ~120000 rows, 22.0 MB)");
    CHECK(findings[2].severity == LintSeverity::Warning);
    CHECK(findings[2].message == "builds an index (table \"tiny\": ~3 rows, 32.0 kB)");
    CHECK(findings[3].severity == LintSeverity::Info);
    CHECK(findings[4].severity == LintSeverity::Info);  // never below info
    CHECK(findings[4].message.find("rows never counted, 8.0 kB") != std::string::npos);
    CHECK(findings[5].severity == LintSeverity::Error);
    CHECK(findings[5].message == "builds an index (table \"later\" is not in the database yet)");
    CHECK_FALSE(findings[5].table_size);
    CHECK(findings[6].message == "builds an index");
    CHECK(findings[7].message == "builds an index");
    CHECK(findings[7].severity == LintSeverity::Error);
}

TEST_CASE("lint table sizes: the small-table line is 10 MB, with indexes and TOAST") {
    std::vector<LintFinding> findings = {about("t", LintSeverity::Error, true),
                                         about("u", LintSeverity::Error, true)};
    weigh_by_size(findings, {{"t", {10, kSmallTableBytes - 1}}, {"u", {10, kSmallTableBytes}}});
    CHECK(findings[0].severity == LintSeverity::Warning);
    CHECK(findings[1].severity == LintSeverity::Error);
    CHECK(findings[1].message.find("10.0 MB") != std::string::npos);
}
