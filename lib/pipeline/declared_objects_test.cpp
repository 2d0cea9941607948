// read_declared_objects(): the statements of [models] sql files as objects, in dependency
// order, and every statement it cannot take as an error at its file:line.
#include "pipeline/declared_objects.hpp"

#include <doctest/doctest.h>

#include "tests/support/temp_dir.hpp"

using namespace autogen;

namespace {

support::Config config_in(const testing::TempDir& dir) {
    support::Config c;
    c.root = dir.path();
    c.models.sql = {"db/**/*.sql"};
    c.models.sql_given = true;
    return c;
}

std::string messages(const support::Diagnostics& diags) {
    std::string out;
    for (const auto& d : diags.items()) out += d.location.str() + ": " + d.message + "\n";
    return out;
}

}  // namespace

TEST_CASE("declared objects: views and materialized views, each after what it reads") {
    testing::TempDir dir;
    // b.sql sorts after a.sql, yet a's view reads b's: b's comes first.
    dir.write("db/a.sql",
              "-- a comment\nCREATE OR REPLACE VIEW report AS SELECT * FROM base_view;\n\n"
              "CREATE MATERIALIZED VIEW IF NOT EXISTS stats.daily AS SELECT 1 AS n;\n");
    dir.write("db/sub/b.sql", "create view \"base_view\" as select 1 as x");
    support::Diagnostics diags;
    auto objects = pipeline::read_declared_objects(config_in(dir), diags);
    REQUIRE_MESSAGE(objects, messages(diags));
    REQUIRE(objects->size() == 3);
    CHECK((*objects)[0].name == "base_view");
    CHECK((*objects)[0].sql == "create view \"base_view\" as select 1 as x");
    CHECK((*objects)[0].location.str() == "db/sub/b.sql:1:1");
    CHECK((*objects)[1].name == "report");
    CHECK((*objects)[1].location.str() == "db/a.sql:2:1");
    CHECK((*objects)[2].kind == schema::ObjectKind::MaterializedView);
    CHECK((*objects)[2].schema == "stats");
    CHECK((*objects)[2].name == "daily");
    CHECK((*objects)[2].location.line == 4);
}

TEST_CASE("declared objects: a respelled statement has the same definition before any database") {
    testing::TempDir one, two;
    one.write("db/v.sql", "CREATE VIEW v AS SELECT id FROM users");
    two.write("db/v.sql", "create   view v as\n  -- why\n  select ID from USERS;");
    support::Diagnostics diags;
    auto a = pipeline::read_declared_objects(config_in(one), diags);
    auto b = pipeline::read_declared_objects(config_in(two), diags);
    REQUIRE(a);
    REQUIRE(b);
    CHECK(a->front().definition == b->front().definition);
}

TEST_CASE("declared objects: what a file cannot hold is an error at its line, all of them") {
    testing::TempDir dir;
    dir.write("db/bad.sql",
              "CREATE VIEW v AS SELECT 1 AS one;\n"
              "CREATE FUNCTION f() RETURNS int AS $$ SELECT 1; $$ LANGUAGE sql;\n"
              "CREATE TEMPORARY VIEW t AS SELECT 1 AS one;\n"
              "CREATE VIEW v AS SELECT 2 AS two;\n"
              "INSERT INTO users VALUES (1);\n"
              "CREATE VIEW AS SELECT 1;\n");
    support::Diagnostics diags;
    CHECK_FALSE(pipeline::read_declared_objects(config_in(dir), diags));
    const std::string said = messages(diags);
    CHECK(said.find("db/bad.sql:2:1: \"CREATE FUNCTION f\" is not a declaration autogen reads "
                    "yet") != std::string::npos);
    CHECK(said.find("db/bad.sql:3:1: a temporary view") != std::string::npos);
    CHECK(said.find("db/bad.sql:4:1: view \"v\" is declared twice (first at db/bad.sql:1:1)") !=
          std::string::npos);
    CHECK(said.find("db/bad.sql:5:1: \"INSERT INTO users VALUES\" is not a declaration") !=
          std::string::npos);
    CHECK(said.find("db/bad.sql:6:1: view name expected") != std::string::npos);
    CHECK(diags.error_count() == 5);
}

TEST_CASE("declared objects: views that read each other in a cycle are an error") {
    testing::TempDir dir;
    dir.write("db/c.sql", "CREATE VIEW a AS SELECT * FROM b;\nCREATE VIEW b AS SELECT * FROM a;\n");
    support::Diagnostics diags;
    CHECK_FALSE(pipeline::read_declared_objects(config_in(dir), diags));
    CHECK(messages(diags).find("reads itself through other objects") != std::string::npos);
}

TEST_CASE("declared objects: no file matched is no object") {
    testing::TempDir dir;
    support::Diagnostics diags;
    auto objects = pipeline::read_declared_objects(config_in(dir), diags);
    REQUIRE(objects);
    CHECK(objects->empty());
}

TEST_CASE("declared objects: domains, with AS or without, qualified or not") {
    testing::TempDir dir;
    dir.write("db/types.sql",
              "CREATE DOMAIN year AS integer CONSTRAINT year_check CHECK (VALUE >= 1901);\n"
              "create domain \"app\".email text not null;\n"
              "CREATE VIEW recent AS SELECT 2000::year AS y;\n");
    support::Diagnostics diags;
    auto objects = pipeline::read_declared_objects(config_in(dir), diags);
    REQUIRE_MESSAGE(objects, messages(diags));
    REQUIRE(objects->size() == 3);
    CHECK((*objects)[0].kind == schema::ObjectKind::Domain);
    CHECK((*objects)[0].name == "year");
    CHECK((*objects)[0].location.str() == "db/types.sql:1:1");
    CHECK((*objects)[1].kind == schema::ObjectKind::Domain);
    CHECK((*objects)[1].schema == "app");
    CHECK((*objects)[1].name == "email");
    CHECK((*objects)[2].kind == schema::ObjectKind::View);
    // A domain without a type is not one.
    testing::TempDir bad;
    bad.write("db/types.sql", "CREATE DOMAIN year;\n");
    support::Diagnostics errors;
    CHECK_FALSE(pipeline::read_declared_objects(config_in(bad), errors));
    CHECK(messages(errors).find("db/types.sql:1:1: domain name expected after \"CREATE DOMAIN "
                                "year\"") != std::string::npos);
}
