// db::open_url and db::endpoints (endpoint.hpp): a URL opens the database of its scheme.
#include "db/endpoint.hpp"

#include <doctest/doctest.h>

#include "tests/support/postgres_test_server.hpp"
#include "tests/support/temp_dir.hpp"

namespace autogen::db {

TEST_CASE("endpoint: a URL opens the database its scheme names") {
    support::Diagnostics diags;
    SUBCASE("a relative SQLite file resolves against the base folder") {
        testing::TempDir dir;
        auto opened = open_url("sqlite:///app.sqlite3", dir.path(), Access::ReadWrite, diags);
        REQUIRE(opened);
        CHECK(opened->endpoint->name == "sqlite");
        CHECK(opened->url.target == (dir.path() / "app.sqlite3").string());
        CHECK(opened->conn);
    }
    SUBCASE("PostgreSQL, under either scheme") {
        test::PostgresTestDatabase db;
        auto opened = open_url(db.url(), {}, Access::ReadOnly, diags);
        REQUIRE(opened);
        CHECK(opened->endpoint->name == "postgresql");
        std::string other = "postgres" + db.url().substr(db.url().find("://"));
        CHECK(open_url(other, {}, Access::ReadOnly, diags));
    }
    SUBCASE("an unknown scheme: the accepted forms, never the password") {
        CHECK_FALSE(open_url("mysql://me:hunter22@h/db", {}, Access::ReadWrite, diags));
        REQUIRE(diags.items().size() == 1);
        CHECK(diags.items()[0].message == "unsupported database URL 'mysql://me:***@h/db'");
        CHECK(
            diags.items()[0].hint ==
            "autogen supports sqlite:///file.db, sqlite://:memory: and postgresql://user@host/db");
    }
    CHECK(endpoints().size() == 2);
}

}  // namespace autogen::db
