// The dialect registry: found by name and by URL scheme, the unknown ones, and the
// generic URL entry point that hands a URL to its dialect's parser.
#include <doctest/doctest.h>

#include "dialect/dialect.hpp"

using namespace autogen;

TEST_CASE("dialect registry: every dialect is found by its name and by each of its URL schemes") {
    const auto registry = dialect::make_dialect_registry();
    CHECK(registry.names() == "sqlite, postgresql");
    CHECK(registry.names(" or ") == "sqlite or postgresql");
    CHECK(registry.name_list() == std::vector<std::string>{"sqlite", "postgresql"});
    for (const auto& name : registry.name_list()) {
        const dialect::Dialect* d = registry.find(name);
        REQUIRE(d);
        CHECK(d->name == name);
        REQUIRE_FALSE(d->schemes.empty());
        for (const auto& scheme : d->schemes) CHECK(registry.find_by_scheme(scheme) == d);
        CHECK(d->parse_url);
        CHECK(d->connect);
        CHECK(d->inspector);
        CHECK(d->rules);
        CHECK(d->planner);
    }
    CHECK(registry.find_by_scheme("postgres") == registry.find("postgresql"));
    CHECK(registry.find_by_scheme("postgresql") == registry.find("postgresql"));
    CHECK(registry.find_by_scheme("sqlite") == registry.find("sqlite"));
}

TEST_CASE("dialect registry: unknown names and schemes find nothing") {
    const auto registry = dialect::make_dialect_registry();
    CHECK(registry.find("mysql") == nullptr);
    CHECK(registry.find("postgres") == nullptr);  // a scheme, not a name
    CHECK(registry.find_by_scheme("mysql") == nullptr);
    CHECK(registry.find_by_scheme("") == nullptr);
    CHECK(registry.find_by_scheme("SQLITE") == nullptr);
}

TEST_CASE(
    "dialect registry: parse_url hands a URL to its dialect, and lists every form for an unknown "
    "scheme") {
    const auto registry = dialect::make_dialect_registry();
    support::Diagnostics diags;
    auto sqlite = registry.parse_url("sqlite:///app.db", "/project", diags);
    REQUIRE(sqlite);
    CHECK(sqlite->scheme == "sqlite");
    CHECK(sqlite->target == "/project/app.db");
    auto postgres = registry.parse_url("postgres://u@h/app", "/project", diags);
    REQUIRE(postgres);
    CHECK(postgres->scheme == "postgresql");
    CHECK_FALSE(diags.has_errors());

    for (const char* url :
         {"mysql://u:s3cret@h/app", "app.db", "sqlite:/app.db", "SQLITE:///app.db"}) {
        INFO(url);
        support::Diagnostics unknown;
        CHECK_FALSE(registry.parse_url(url, "/project", unknown));
        REQUIRE(unknown.items().size() == 1);
        CHECK(unknown.items()[0].category == support::Category::Config);
        CHECK(unknown.items()[0].message.rfind("unsupported database URL '", 0) == 0);
        CHECK(unknown.items()[0].message.find("s3cret") == std::string::npos);
        CHECK(
            unknown.items()[0].hint ==
            "autogen supports sqlite:///file.db, sqlite://:memory: and postgresql://user@host/db");
    }
}
