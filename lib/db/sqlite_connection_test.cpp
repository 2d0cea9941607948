// The SQLite connection against real database files.
#include "db/sqlite_connection.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "tests/support/temp_dir.hpp"

using namespace autogen;

TEST_CASE("sqlite connection: execute, query with parameters, NULLs") {
    support::Diagnostics diags;
    auto conn = db::open_sqlite(":memory:", diags);
    REQUIRE(conn);
    REQUIRE(conn->execute(
        "CREATE TABLE t (a TEXT, b INTEGER); INSERT INTO t VALUES ('x', 1), (NULL, 2)", diags));
    auto r = conn->query("SELECT a, b FROM t WHERE b >= ?1 ORDER BY b", {std::string("1")}, diags);
    REQUIRE(r);
    REQUIRE(r->rows.size() == 2);
    CHECK(r->columns == std::vector<std::string>{"a", "b"});
    CHECK(*r->rows[0][0] == "x");
    CHECK_FALSE(r->rows[1][0].has_value());
    CHECK_FALSE(diags.has_errors());
}

TEST_CASE("sqlite connection: a failing statement is named in the error") {
    support::Diagnostics diags;
    auto conn = db::open_sqlite(":memory:", diags);
    REQUIRE(conn);
    CHECK_FALSE(conn->execute("CREATE TABLE t (a); INSERT INTO nope VALUES (1)", diags));
    REQUIRE(diags.has_errors());
    CHECK(diags.items().back().message.find("INSERT INTO nope") != std::string::npos);
    CHECK(diags.items().back().category == support::Category::Database);
}

TEST_CASE("sqlite connection: commit refuses broken references and rolls back") {
    testing::TempDir dir;
    support::Diagnostics diags;
    auto conn = db::open_sqlite((dir.path() / "db" / "app.sqlite3").string(), diags);
    REQUIRE(conn);
    REQUIRE(conn->execute(
        "CREATE TABLE p (id INTEGER PRIMARY KEY);"
        "CREATE TABLE c (id INTEGER PRIMARY KEY, p_id INTEGER REFERENCES p(id) ON DELETE CASCADE);"
        "INSERT INTO p VALUES (1); INSERT INTO c VALUES (10, 1)",
        diags));
    SUBCASE("a rebuild of the parent keeps the child rows") {
        REQUIRE(conn->begin(diags));
        REQUIRE(
            conn->execute("CREATE TABLE p_new (id INTEGER PRIMARY KEY, name TEXT);"
                          "INSERT INTO p_new (id) SELECT id FROM p; DROP TABLE p;"
                          "ALTER TABLE p_new RENAME TO p",
                          diags));
        REQUIRE(conn->commit(diags));
        auto r = conn->query("SELECT count(*) FROM c", {}, diags);
        REQUIRE(r);
        CHECK(*r->rows[0][0] == "1");
    }
    SUBCASE("a broken reference fails the commit") {
        REQUIRE(conn->begin(diags));
        REQUIRE(conn->execute("INSERT INTO c VALUES (11, 99)", diags));
        CHECK_FALSE(conn->commit(diags));
        CHECK(diags.items().back().message.find("foreign key") != std::string::npos);
        auto r = conn->query("SELECT count(*) FROM c", {}, diags);
        REQUIRE(r);
        CHECK(*r->rows[0][0] == "1");
    }
    // Enforcement is back on after the transaction.
    diags.clear();
    CHECK_FALSE(conn->execute("INSERT INTO c VALUES (12, 77)", diags));
}

TEST_CASE("sqlite connection: read-only opens create nothing and name a missing path") {
    testing::TempDir dir;
    const auto path = dir.path() / "typo" / "app.sqlite3";
    support::Diagnostics diags;
    CHECK_FALSE(db::open_sqlite(path.string(), diags, {.access = db::Access::ReadOnly}));
    REQUIRE(diags.has_errors());
    CHECK(diags.items().back().category == support::Category::Database);
    CHECK(diags.items().back().message == "SQLite database " + path.string() + " does not exist");
    CHECK(diags.items().back().hint.find("autogen upgrade head") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(dir.path() / "typo"));

    SUBCASE("an existing database opens read-only and refuses writes") {
        support::Diagnostics more;
        REQUIRE(db::open_sqlite(path.string(), more)->execute("CREATE TABLE t (a)", more));
        auto ro = db::open_sqlite(path.string(), more, {.access = db::Access::ReadOnly});
        REQUIRE(ro);
        CHECK(ro->has_table("t", more) == true);
        CHECK(ro->has_table("T", more) == true);
        CHECK(ro->has_table("u", more) == false);
        CHECK_FALSE(ro->execute("INSERT INTO t VALUES (1)", more));
        CHECK(more.items().back().message.find("readonly") != std::string::npos);
    }
}

TEST_CASE("sqlite connection: a file that cannot be read is an error at open, with the cause") {
    testing::TempDir dir;
    const auto path = dir.path() / "app.sqlite3";
    SUBCASE("random bytes") {
        std::ofstream(path, std::ios::binary) << std::string(4096, '\x5a') << "not a database";
        for (auto access : {db::Access::ReadOnly, db::Access::ReadWrite}) {
            support::Diagnostics diags;
            CHECK_FALSE(db::open_sqlite(path.string(), diags, {.access = access}));
            REQUIRE(diags.has_errors());
            CHECK(diags.items().back().category == support::Category::Database);
            CHECK(diags.items().back().message ==
                  "cannot read SQLite database " + path.string() + ": file is not a database");
            CHECK(diags.items().back().hint.find("not a SQLite database") != std::string::npos);
        }
    }
    SUBCASE("locked by another connection beyond the busy timeout") {
        support::Diagnostics diags;
        auto holder = db::open_sqlite(path.string(), diags);
        REQUIRE(holder);
        REQUIRE(holder->execute("CREATE TABLE t (a); BEGIN EXCLUSIVE; INSERT INTO t VALUES (1)",
                                diags));
        support::Diagnostics waiting;
        CHECK_FALSE(db::open_sqlite(path.string(), waiting,
                                    {.access = db::Access::ReadOnly, .busy_timeout_ms = 1}));
        REQUIRE(waiting.has_errors());
        CHECK(waiting.items().back().message ==
              "cannot read SQLite database " + path.string() + ": database is locked");
        CHECK(waiting.items().back().hint.find("another process holds a lock") !=
              std::string::npos);
        REQUIRE(holder->execute("ROLLBACK", diags));
    }
}
