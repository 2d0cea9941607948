// plan_change(): the operations between two read-back schemas, planned both ways; the
// upgrade's SQL run on the `from` side gives the `to` side.
#include "pipeline/plan_change.hpp"

#include <doctest/doctest.h>

#include "pipeline/compared_tables.hpp"
#include "pipeline/materialize.hpp"
#include "tests/support/pipeline_project.hpp"

using namespace autogen;
using test::PipelineProject;

namespace {

std::string joined_sql(const std::vector<codegen::Statement>& statements) {
    std::string out;
    for (const auto& s : statements) out += s.sql + ";\n";
    return out;
}

}  // namespace

TEST_CASE("plan_change: adding a column, and the reverse direction drops it") {
    test::ScopedEnv no_cache("AUTOGEN_NO_CACHE", "1");
    PipelineProject p;
    auto config = p.config(test::kSqliteToml);
    const auto& sqlite = p.dialect("sqlite");
    auto before = pipeline::materialize(sqlite, test::users_model(false), config, p.diags);
    auto after = pipeline::materialize(sqlite, test::users_model(true), config, p.diags);
    INFO(p.messages());
    REQUIRE(before);
    REQUIRE(after);

    auto up = pipeline::plan_change(sqlite, *before, *after, p.diags);
    REQUIRE(up);
    CHECK(up->dialect == &sqlite);
    CHECK(pipeline::describe_all(up->operations) ==
          std::vector<std::string>{"added column \"users\".\"phone\""});
    CHECK(up->statements.dialect == "sqlite");
    CHECK(joined_sql(up->statements.upgrade).find("ADD COLUMN \"phone\"") != std::string::npos);
    CHECK_FALSE(up->statements.downgrade.empty());
    CHECK(up->hints.empty());
    CHECK(up->from->tables[0].columns.size() == 2);
    CHECK(up->to->tables[0].columns.size() == 3);

    auto down = pipeline::plan_change(sqlite, *after, *before, p.diags);
    REQUIRE(down);
    CHECK(pipeline::describe_all(down->operations) ==
          std::vector<std::string>{"removed column \"users\".\"phone\""});

    // The upgrade, run on a database holding `before`, gives `after`.
    auto conn = sqlite.scratch(config, p.diags);
    REQUIRE(conn);
    auto create = pipeline::plan_change(sqlite, schema::Schema{}, *before, p.diags);
    REQUIRE(create);
    for (const auto& s : create->statements.upgrade) REQUIRE(conn->execute(s.sql, p.diags));
    for (const auto& s : up->statements.upgrade)
        if (!s.sql.empty()) REQUIRE(conn->execute(s.sql, p.diags));
    auto result = sqlite.inspector->inspect(*conn, pipeline::inspect_options(config), p.diags);
    REQUIRE(result);
    auto same = pipeline::plan_change(sqlite, *result, *after, p.diags);
    REQUIRE(same);
    CHECK(same->operations.empty());
}

TEST_CASE("plan_change: equal schemas give no operations and no statements") {
    test::ScopedEnv no_cache("AUTOGEN_NO_CACHE", "1");
    PipelineProject p;
    auto config = p.config(test::kSqliteToml);
    const auto& sqlite = p.dialect("sqlite");
    auto users = pipeline::materialize(sqlite, test::users_model(true), config, p.diags);
    REQUIRE(users);
    auto change = pipeline::plan_change(sqlite, *users, *users, p.diags);
    REQUIRE(change);
    CHECK(change->operations.empty());
    CHECK(change->statements.upgrade.empty());
    CHECK(change->statements.downgrade.empty());
}
