// SQLite's URL parser on its own: the three forms and the malformed one.
#include "db/sqlite_url.hpp"

#include <doctest/doctest.h>

using namespace autogen;

TEST_CASE("sqlite url: relative, absolute and in-memory forms") {
    support::Diagnostics diags;
    auto relative = db::parse_sqlite_url("sqlite:///db/../app.db", "/project", diags);
    REQUIRE(relative);
    CHECK(relative->scheme == "sqlite");
    CHECK(relative->target == "/project/app.db");
    CHECK(relative->original == "sqlite:///db/../app.db");
    auto absolute = db::parse_sqlite_url("sqlite:////var/app.db", "/project", diags);
    REQUIRE(absolute);
    CHECK(absolute->target == "/var/app.db");
    for (const char* memory : {"sqlite://:memory:", "sqlite:///:memory:"}) {
        auto parsed = db::parse_sqlite_url(memory, "/project", diags);
        REQUIRE(parsed);
        CHECK(parsed->target == ":memory:");
    }
    CHECK_FALSE(diags.has_errors());
}

TEST_CASE("sqlite url: a malformed one is a config error naming the accepted forms") {
    for (const char* url : {"sqlite://", "sqlite:///", "sqlite://file.db"}) {
        INFO(url);
        support::Diagnostics diags;
        CHECK_FALSE(db::parse_sqlite_url(url, "/project", diags));
        REQUIRE(diags.items().size() == 1);
        CHECK(diags.items()[0].category == support::Category::Config);
        CHECK(diags.items()[0].message == "malformed SQLite URL '" + std::string(url) + "'");
        CHECK(diags.items()[0].hint ==
              "use sqlite:///relative/path.db, sqlite:////absolute/path.db or sqlite://:memory:");
    }
}
