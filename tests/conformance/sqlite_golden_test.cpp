// Golden SQL of the SQLite planner, one file per operation kind under
// tests/golden/sqlite/<case>.sql, from the same case list as the PostgreSQL goldens
// (postgres_test_cases.hpp) so the two dialects' SQL for one change sit side by side.
// Compared byte for byte (golden_sql.hpp, tests/support/golden.hpp);
// AUTOGEN_UPDATE_GOLDEN=1 rewrites the files instead.
#include <doctest/doctest.h>

#include "tests/support/golden.hpp"
#include "tests/support/golden_sql.hpp"
#include "tests/support/postgres_test_cases.hpp"
#include "tests/support/registry_dialect.hpp"
#include "tests/support/temp_dir.hpp"

using namespace autogen;
using namespace autogen::testing::postgres_cases;

TEST_CASE("sqlite planner: golden SQL per operation kind") {
    testing::RegistryDialect sqlite("sqlite");
    const auto& planner = sqlite->planner;
    const auto& rules = sqlite->rules;
    const auto& skipped = cases_without_sqlite_meaning();
    for (const auto& c : cases()) {
        if (skipped.count(c.name)) continue;
        SUBCASE(c.name) {
            support::Diagnostics diags;
            Schema after = base();
            c.change(after);
            std::string text = testing::golden_sql(c.name, *planner, *rules, for_sqlite(base()),
                                                   for_sqlite(after), diags);
            for (const auto& d : diags.items()) MESSAGE(support::format(d));
            CHECK_FALSE(diags.has_errors());
            CHECK(text.find("\n--   ") != std::string::npos);  // at least one operation
            testing::check_golden(text, testing::source_dir() / "tests/golden/sqlite" /
                                            (std::string(c.name) + ".sql"));
        }
    }
}
