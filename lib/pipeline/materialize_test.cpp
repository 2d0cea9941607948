// materialize(): a small model created in a real scratch database (in-memory SQLite,
// the PostgreSQL test server) and read back, with what the database does not store
// carried over from the model.
#include "pipeline/materialize.hpp"

#include <doctest/doctest.h>

#include "tests/support/pipeline_project.hpp"

using namespace autogen;
using test::PipelineProject;

namespace {

const schema::Column& column_of(const schema::Schema& s, const std::string& table,
                                const std::string& column) {
    const auto* t = s.find_table(table, "");
    REQUIRE(t);
    const auto* c = t->find_column(column);
    REQUIRE(c);
    return *c;
}

}  // namespace

TEST_CASE(
    "materialize: a small model reads back as SQLite stores it, renames and locations carried") {
    test::ScopedEnv no_cache("AUTOGEN_NO_CACHE", "1");
    PipelineProject p;
    auto config = p.config(test::kSqliteToml);
    auto model = test::users_model(true);
    model.tables[0].columns[2].renamed_from = "mobile";
    model.tables[0].location = {"models/user.hpp", 4, 8};
    std::vector<std::string> steps;
    auto got =
        pipeline::materialize(p.dialect("sqlite"), model, config, p.diags, false,
                              [&](const support::Progress& pr) { steps.push_back(pr.step); });
    INFO(p.messages());
    REQUIRE(got);
    REQUIRE(got->tables.size() == 1);
    const auto& users = got->tables[0];
    CHECK(users.name == "users");
    REQUIRE(users.columns.size() == 3);
    CHECK(column_of(*got, "users", "id").type.sql == "INTEGER");
    CHECK(column_of(*got, "users", "email").type.sql == "TEXT");
    CHECK_FALSE(column_of(*got, "users", "email").nullable);
    CHECK(column_of(*got, "users", "phone").nullable);
    CHECK(column_of(*got, "users", "phone").renamed_from == "mobile");
    CHECK(users.location.line == 4);
    REQUIRE(users.primary_key);
    CHECK(users.primary_key->columns == std::vector<std::string>{"id"});
    REQUIRE_FALSE(steps.empty());
    CHECK(steps.front() == "materialising the models (sqlite)");
}

TEST_CASE("materialize: models SQLite cannot create are a Model error naming the dialect") {
    test::ScopedEnv no_cache("AUTOGEN_NO_CACHE", "1");
    PipelineProject p;
    auto config = p.config(test::kSqliteToml);
    auto model = test::users_model(false);
    model.tables[0].checks.push_back({"ck_users_nowhere", "no_such_column > 0"});
    auto got = pipeline::materialize(p.dialect("sqlite"), model, config, p.diags);
    CHECK_FALSE(got);
    INFO(p.messages());
    CHECK(p.messages().find("the models do not make a valid sqlite schema") != std::string::npos);
}

TEST_CASE("materialize: the same model on the PostgreSQL test server") {
    test::ScopedEnv no_cache("AUTOGEN_NO_CACHE", "1");
    PipelineProject p;
    auto config = p.config(test::postgres_toml());
    auto got =
        pipeline::materialize(p.dialect("postgresql"), test::users_model(true), config, p.diags);
    INFO(p.messages());
    REQUIRE(got);
    REQUIRE(got->tables.size() == 1);
    CHECK(column_of(*got, "users", "id").type.sql == "bigint");
    CHECK(column_of(*got, "users", "id").identity);
    CHECK(column_of(*got, "users", "email").type.sql == "text");
    CHECK(column_of(*got, "users", "phone").nullable);
}
