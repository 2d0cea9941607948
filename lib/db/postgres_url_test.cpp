// PostgreSQL's URL parser on its own: both schemes, libpq's parser, the port check and
// a redacted message. (Every password case: lib/dialect/url_test.cpp.)
#include "db/postgres_url.hpp"

#include <doctest/doctest.h>

using namespace autogen;

TEST_CASE("postgres url: both schemes parse to the postgresql dialect, handed to libpq as given") {
    support::Diagnostics diags;
    for (const char* url :
         {"postgresql://u@localhost/app", "postgres://u:pw@h:5432/app?sslmode=disable"}) {
        INFO(url);
        auto parsed = db::parse_postgres_url(url, diags);
        REQUIRE(parsed);
        CHECK(parsed->scheme == "postgresql");
        CHECK(parsed->target == url);
        CHECK(parsed->original == url);
    }
    CHECK_FALSE(diags.has_errors());
}

TEST_CASE(
    "postgres url: a bad port or a malformed URL is a config error with the password hidden") {
    support::Diagnostics diags;
    CHECK_FALSE(db::parse_postgres_url("postgresql://u:s3cret@h:70000/app", diags));
    REQUIRE(diags.items().size() == 1);
    CHECK(diags.items()[0].category == support::Category::Config);
    CHECK(diags.items()[0].message ==
          "malformed PostgreSQL URL 'postgresql://u:***@h:70000/app': port '70000' is not a number "
          "from 1 to 65535");
    CHECK(diags.items()[0].hint.rfind(
              "use postgresql://user:password@host:port/database (or postgres://...)", 0) == 0);

    support::Diagnostics bad;
    CHECK_FALSE(db::parse_postgres_url("postgresql://u:s3cret@[::1/app", bad));
    REQUIRE(bad.has_errors());
    CHECK(bad.items()[0].message.rfind("malformed PostgreSQL URL 'postgresql://u:***@[::1/app': ",
                                       0) == 0);
    CHECK(bad.items()[0].message.find("s3cret") == std::string::npos);
}
