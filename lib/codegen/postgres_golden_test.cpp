// Golden SQL of the PostgreSQL planner, one file per operation kind under
// tests/golden/postgresql/<case>.sql: the case's model change is lowered, diffed with the
// PostgreSQL rules, planned up and down, and rendered like a revision section. Compared
// byte for byte, with a unified diff on mismatch; AUTOGEN_UPDATE_GOLDEN=1 rewrites the
// files instead (review the git diff before committing them).
#include <doctest/doctest.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>

#include "codegen/postgres_planner.hpp"
#include "codegen/postgres_test_cases.hpp"
#include "diff/differ.hpp"
#include "diff/phrases.hpp"
#include "diff/postgres_rules.hpp"
#include "support/temp_dir.hpp"

using namespace autogen;
using namespace autogen::testing::postgres_cases;
namespace fs = std::filesystem;

namespace {

/// Statements as the revision template lays them out: comment lines, the warning, the SQL.
std::string render(const std::vector<codegen::Statement>& statements) {
    std::string out;
    for (const auto& s : statements) {
        std::size_t start = 0;
        while (!s.comment.empty() && start <= s.comment.size()) {
            std::size_t nl = s.comment.find('\n', start);
            out += "-- " + s.comment.substr(start, nl == std::string::npos ? std::string::npos : nl - start) + "\n";
            if (nl == std::string::npos) break;
            start = nl + 1;
        }
        if (s.destructive) out += "-- WARNING: " + s.warning + "\n";
        out += s.sql + ";\n\n";
    }
    return out;
}

void check_golden(const std::string& actual, const fs::path& golden) {
    if (std::getenv("AUTOGEN_UPDATE_GOLDEN")) {
        fs::create_directories(golden.parent_path());
        std::ofstream(golden, std::ios::binary) << actual;
        MESSAGE("updated " << golden.string());
        return;
    }
    std::string expected = testing::read_file(golden);
    if (actual == expected) return;
    testing::TempDir tmp;
    auto actual_path = tmp.write("actual.sql", actual);
    std::string diff;
    if (FILE* p = ::popen(("diff -u '" + golden.string() + "' '" + actual_path.string() + "'").c_str(), "r")) {
        char buf[512];
        while (std::fgets(buf, sizeof buf, p)) diff += buf;
        ::pclose(p);
    }
    FAIL_CHECK("planned SQL differs from " << golden.string() << " (AUTOGEN_UPDATE_GOLDEN=1 regenerates it):\n" << diff);
}

}  // namespace

TEST_CASE("postgres planner: golden SQL per operation kind") {
    auto planner = codegen::make_postgres_planner();
    auto rules = diff::make_postgres_rules();
    for (const auto& c : cases()) {
        SUBCASE(c.name) {
            support::Diagnostics diags;
            Schema after = base();
            c.change(after);
            Schema from = planner->lower(base(), diags), to = planner->lower(after, diags);
            auto ops = diff::diff(from, to, *rules);
            REQUIRE_FALSE(ops.empty());
            std::string text = "-- golden: " + std::string(c.name) + "\n-- operations:\n";
            for (const auto& op : ops) text += "--   " + diff::describe(op) + "\n";
            text += "\n-- +upgrade postgresql\n" + render(planner->plan(ops, from, to, diags));
            text += "-- +downgrade postgresql\n" + render(planner->plan(schema::reverse(ops), to, from, diags));
            for (const auto& d : diags.items()) MESSAGE(support::format(d));
            CHECK_FALSE(diags.has_errors());
            check_golden(text, testing::source_dir() / "tests/golden/postgresql" / (std::string(c.name) + ".sql"));
        }
    }
}
