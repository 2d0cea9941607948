// Golden SQL of the PostgreSQL planner, one file per operation kind under
// tests/golden/postgresql/<case>.sql (golden_sql.hpp): compared byte for byte, with a
// unified diff on mismatch; AUTOGEN_UPDATE_GOLDEN=1 rewrites the files instead (review
// the git diff before committing them). tests/golden/postgresql_online/<case>.sql holds
// the same cases planned online (what `revision --online` writes); the lint test
// (lib/lint/golden_lint_test.cpp) checks that those earn no error.
#include <doctest/doctest.h>

#include "tests/support/golden.hpp"
#include "tests/support/golden_sql.hpp"
#include "tests/support/postgres_test_cases.hpp"
#include "tests/support/registry_dialect.hpp"
#include "tests/support/temp_dir.hpp"

using namespace autogen;
using namespace autogen::testing::postgres_cases;

namespace {

/// Every case planned with `options`, against tests/golden/<folder>/<case>.sql.
void check_cases(const std::string& folder, const codegen::PlanOptions& options) {
    testing::RegistryDialect postgres("postgresql");
    const auto& planner = postgres->planner;
    const auto& rules = postgres->rules;
    for (const auto& c : cases()) {
        SUBCASE(c.name) {
            support::Diagnostics diags;
            Schema after = base();
            c.change(after);
            std::string text =
                testing::golden_sql(c.name, *planner, *rules, base(), after, diags, options);
            for (const auto& d : diags.items()) MESSAGE(support::format(d));
            CHECK_FALSE(diags.has_errors());
            CHECK(text.find("\n--   ") != std::string::npos);  // at least one operation
            testing::check_golden(text, testing::source_dir() / "tests/golden" / folder /
                                            (std::string(c.name) + ".sql"));
        }
    }
}

}  // namespace

TEST_CASE("postgres planner: golden SQL per operation kind") { check_cases("postgresql", {}); }

TEST_CASE("postgres planner: golden SQL per operation kind, planned online") {
    check_cases("postgresql_online", {.online = true});
}
