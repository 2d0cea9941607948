// Offline SQL: the printed script, run by hand on a real SQLite database, does what
// upgrade/downgrade would have done, keeps the runner's rules (foreign keys off around a
// transaction and checked before COMMIT, the version table where the script expects it)
// and writes text from the files into comments only escaped. The real clients run the
// scripts in the CLI tests (tests/cli/offline_parity.txt).
#include "migrate/offline_sql.hpp"

#include <doctest/doctest.h>

#include "db/script_frame.hpp"
#include "db/sqlite_connection.hpp"
#include "tests/support/db_rows.hpp"
#include "tests/support/migrate_test_fixtures.hpp"

using namespace autogen;
using Ids = std::vector<std::string>;

namespace {

const db::ScriptFrame kFrame = db::sqlite_script_frame();

migrate::RevisionGraph load(const testing::TempDir& dir) {
    support::Diagnostics diags;
    auto g = migrate::RevisionGraph::load(dir.path() / "migrations", {"sqlite"}, diags);
    REQUIRE(g);
    return std::move(*g);
}

/// The SQLite upgrade script from `from` to `target` (REQUIREd to exist).
std::string upgrade_script(const migrate::RevisionGraph& graph, const Ids& from,
                           const std::string& target) {
    migrate::RunOptions options;
    options.dialect = "sqlite";
    support::Diagnostics diags;
    auto script = migrate::offline_sql(graph, migrate::Direction::Upgrade, from, target, options,
                                       kFrame, diags);
    REQUIRE(script);
    return *script;
}

/// The SQLite database beside the chain.
std::unique_ptr<db::Connection> open_db(const testing::TempDir& dir) {
    support::Diagnostics diags;
    auto conn = db::open_sqlite((dir.path() / "app.sqlite3").string(), diags);
    REQUIRE(conn);
    return conn;
}

/// Every diagnostic's message, for substring checks.
std::string test_message(const support::Diagnostics& d) {
    std::string out;
    for (const auto& item : d.items()) out += item.message + "\n";
    return out;
}

}  // namespace

TEST_CASE("offline sql: upgrade and downgrade scripts run as printed") {
    testing::TempDir dir;
    migrate::fixtures::linear_chain(dir);
    auto graph = load(dir);
    migrate::RunOptions options;
    options.dialect = "sqlite";
    support::Diagnostics diags;

    auto up = migrate::offline_sql(graph, migrate::Direction::Upgrade, {}, "head", options, kFrame,
                                   diags);
    REQUIRE(up);
    CHECK(up->find("CREATE TABLE IF NOT EXISTS \"autogen_version\"") != std::string::npos);
    CHECK(
        up->find(
            "-- upgrade to b2b2b2b2b2b2: add user phone (002_b2.sql)\nPRAGMA foreign_keys = OFF;\n"
            "BEGIN IMMEDIATE;\nUPDATE \"autogen_version\" SET \"version_num\" = \"version_num\";\n"
            "ALTER TABLE \"users\" ADD COLUMN \"phone\" VARCHAR(20);\n") != std::string::npos);
    CHECK(up->find("pragma_foreign_key_check;\nCOMMIT;\nPRAGMA foreign_keys = ON;\n") !=
          std::string::npos);
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
                                     options, kFrame, diags);
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
    CHECK_FALSE(migrate::offline_sql(graph, migrate::Direction::Upgrade, {"zz"}, "head", options,
                                     kFrame, diags));
    CHECK_FALSE(migrate::offline_sql(graph, migrate::Direction::Downgrade, {}, "head", options,
                                     kFrame, diags));
    options.dialect = "postgresql";
    CHECK_FALSE(migrate::offline_sql(graph, migrate::Direction::Upgrade, {}, "head", options,
                                     kFrame, diags));
    REQUIRE(diags.error_count() == 3);
    CHECK(diags.items()[0].category == support::Category::Usage);
    CHECK(diags.items()[1].category == support::Category::Usage);
    CHECK(diags.items()[2].category == support::Category::MigrationFile);
}

TEST_CASE("offline sql: a script started from the wrong version changes nothing") {
    testing::TempDir dir;
    support::Diagnostics ok;
    migrate::fixtures::linear_chain(dir);
    auto graph = load(dir);
    auto conn = open_db(dir);
    REQUIRE(conn->execute(upgrade_script(graph, {}, "b2b2b2b2b2b2"), ok));
    const std::string from_b2 = upgrade_script(graph, {"b2b2b2b2b2b2"}, "head");
    REQUIRE(conn->execute(from_b2, ok));
    // The same script again, from b2 while the database is at c3, with c3's index renamed
    // so that its SQL would succeed: the version check refuses it.
    std::string renamed = from_b2;
    auto at = renamed.find("ix_users_email");
    REQUIRE(at != std::string::npos);
    renamed.replace(at, 14, "ix_users_mail2");
    support::Diagnostics refused;
    CHECK_FALSE(conn->execute(renamed, refused));
    CHECK(test_message(refused).find("the version table is not at b2b2b2b2b2b2") !=
          std::string::npos);
    CHECK(test::query_rows(*conn, "SELECT version_num FROM autogen_version", ok) ==
          Ids{"c3c3c3c3c3c3"});
    CHECK(test::query_rows(*conn,
                           "SELECT count(*) FROM sqlite_master WHERE name = 'ix_users_mail2'",
                           ok) == Ids{"0"});
    CHECK_FALSE(ok.has_errors());
}

TEST_CASE("offline sql: a broken foreign key rolls the revision back") {
    testing::TempDir dir;
    support::Diagnostics ok;
    migrate::fixtures::add(
        dir, "001_p1",
        migrate::fixtures::revision_text(
            "p1p1p1p1p1p1", "none", "parents and children",
            "CREATE TABLE \"p\" (\"id\" INTEGER PRIMARY KEY);\n"
            "CREATE TABLE \"c\" (\"id\" INTEGER PRIMARY KEY, \"p\" INTEGER REFERENCES \"p\" "
            "(\"id\") "
            "ON DELETE CASCADE);\nINSERT INTO \"p\" VALUES (1);\nINSERT INTO \"c\" VALUES (1, 1);",
            "DROP TABLE \"c\";\nDROP TABLE \"p\";"));
    migrate::fixtures::add(
        dir, "002_p2",
        migrate::fixtures::revision_text("p2p2p2p2p2p2", "p1p1p1p1p1p1", "orphan a child",
                                         "INSERT INTO \"c\" VALUES (2, 42);",
                                         "DELETE FROM \"c\" WHERE \"id\" = 2;"));
    auto graph = load(dir);
    auto conn = open_db(dir);
    support::Diagnostics refused;
    CHECK_FALSE(conn->execute(upgrade_script(graph, {}, "head"), refused));
    CHECK(test_message(refused).find("rows break a foreign key") != std::string::npos);
    CHECK(test::query_rows(*conn, "SELECT count(*) FROM c", ok) == Ids{"1"});
    CHECK(test::query_rows(*conn, "SELECT version_num FROM autogen_version", ok) ==
          Ids{"p1p1p1p1p1p1"});
    CHECK_FALSE(ok.has_errors());
}

TEST_CASE("offline sql: message and file name stay inside their comment") {
    testing::TempDir dir;
    migrate::fixtures::add(dir, "001_x\nDROP TABLE t; --",
                           migrate::fixtures::revision_text(
                               "x1x1x1x1x1x1", "none", "evil\rDROP TABLE t; --\x1b[2J",
                               "CREATE TABLE \"t\" (\"id\" INTEGER);", "DROP TABLE \"t\";"));
    const std::string up = upgrade_script(load(dir), {}, "head");
    CHECK(up.find("-- upgrade to x1x1x1x1x1x1: evil\\rDROP TABLE t; --\\u001b[2J (001_x\\nDROP "
                  "TABLE t; --.sql)\n") != std::string::npos);
    CHECK(up.find('\r') == std::string::npos);
    CHECK(up.find('\x1b') == std::string::npos);
}
