// Offline SQL: the printed script, run by hand on a real SQLite database, does what
// upgrade/downgrade would have done.
#include "migrate/offline_sql.hpp"

#include <doctest/doctest.h>

#include "db/sqlite_connection.hpp"
#include "migrate/test_fixtures.hpp"

using namespace autogen;
using Ids = std::vector<std::string>;

namespace {

migrate::RevisionGraph load(const testing::TempDir& dir) {
    support::Diagnostics diags;
    auto g = migrate::RevisionGraph::load(dir.path() / "migrations", {"sqlite"}, diags);
    REQUIRE(g);
    return std::move(*g);
}

}  // namespace

TEST_CASE("offline sql: upgrade and downgrade scripts run as printed") {
    testing::TempDir dir;
    migrate::fixtures::linear_chain(dir);
    auto graph = load(dir);
    migrate::RunOptions options;
    options.dialect = "sqlite";
    support::Diagnostics diags;

    auto up = migrate::offline_sql(graph, migrate::Direction::Upgrade, {}, "head", options, diags);
    REQUIRE(up);
    CHECK(up->find("CREATE TABLE IF NOT EXISTS \"autogen_version\"") != std::string::npos);
    CHECK(up->find("-- upgrade to b2b2b2b2b2b2: add user phone (002_b2.sql)\nBEGIN;\n"
                   "ALTER TABLE \"users\" ADD COLUMN \"phone\" VARCHAR(20);\nUPDATE "
                   "\"autogen_version\"") != std::string::npos);
    CHECK(up->find("INSERT INTO \"autogen_version\"") != std::string::npos);

    auto conn = db::open_sqlite((dir.path() / "app.sqlite3").string(), diags);
    REQUIRE(conn);
    REQUIRE(conn->execute(*up, diags));
    auto v = conn->query("SELECT version_num, checksum FROM autogen_version", {}, diags);
    REQUIRE(v);
    REQUIRE(v->rows.size() == 1);
    CHECK(*v->rows[0][0] == "c3c3c3c3c3c3");
    CHECK(*v->rows[0][1] == graph.find("c3c3c3c3c3c3")->checksum);

    auto down = migrate::offline_sql(graph, migrate::Direction::Downgrade, {"c3c3c3c3c3c3"}, "base",
                                     options, diags);
    REQUIRE(down);
    CHECK(down->find("DELETE FROM \"autogen_version\" WHERE \"version_num\" = 'a1a1a1a1a1a1'") !=
          std::string::npos);
    REQUIRE(conn->execute(*down, diags));
    v = conn->query("SELECT COUNT(*) FROM autogen_version", {}, diags);
    CHECK(*v->rows[0][0] == "0");
    CHECK(conn->query("SELECT COUNT(*) FROM sqlite_master WHERE name = 'users'", {}, diags)
              ->rows[0][0] == "0");
    CHECK_FALSE(diags.has_errors());
}

TEST_CASE("offline sql: errors") {
    testing::TempDir dir;
    migrate::fixtures::linear_chain(dir);
    auto graph = load(dir);
    migrate::RunOptions options;
    options.dialect = "sqlite";
    support::Diagnostics diags;
    CHECK_FALSE(
        migrate::offline_sql(graph, migrate::Direction::Upgrade, {"zz"}, "head", options, diags));
    CHECK_FALSE(
        migrate::offline_sql(graph, migrate::Direction::Downgrade, {}, "head", options, diags));
    options.dialect = "postgresql";
    CHECK_FALSE(
        migrate::offline_sql(graph, migrate::Direction::Upgrade, {}, "head", options, diags));
    REQUIRE(diags.error_count() == 3);
    CHECK(diags.items()[0].category == support::Category::Usage);
    CHECK(diags.items()[1].category == support::Category::Usage);
    CHECK(diags.items()[2].category == support::Category::MigrationFile);
}
