// The SQLite inspector against real databases written by hand (not by the planner:
// the planner round trip is tested in tests/conformance/sqlite_roundtrip_test.cpp).
#include "introspect/sqlite_inspector.hpp"

#include <doctest/doctest.h>

#include "db/sqlite_connection.hpp"
#include "tests/support/temp_dir.hpp"

using namespace autogen;

namespace {

schema::Schema inspect(const std::string& ddl, const introspect::InspectOptions& options = {}) {
    support::Diagnostics diags;
    auto conn = db::open_sqlite(":memory:", diags);
    REQUIRE(conn);
    REQUIRE(conn->execute(ddl, diags));
    auto s = introspect::make_sqlite_inspector()->inspect(*conn, options, diags);
    REQUIRE(s);
    CHECK_FALSE(diags.has_errors());
    return *s;
}

}  // namespace

TEST_CASE("sqlite inspector: a hand-written schema") {
    auto s = inspect(
        "CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT NOT NULL UNIQUE COLLATE NOCASE, "
        "  created DATETIME DEFAULT CURRENT_TIMESTAMP, score REAL DEFAULT (0.5 * 2));"
        "CREATE TABLE posts (id INTEGER PRIMARY KEY, user_id INTEGER REFERENCES users ON DELETE "
        "CASCADE, "
        "  a INT, b INT, CONSTRAINT fk_ab FOREIGN KEY (a, b) REFERENCES pairs (x, y) ON UPDATE "
        "RESTRICT,"
        "  CONSTRAINT ck_ab CHECK (a < b), CHECK (a > 0));"
        "CREATE TABLE pairs (x INT NOT NULL, y INT NOT NULL, PRIMARY KEY (y, x)) WITHOUT ROWID;"
        "CREATE INDEX ix_posts_lower ON posts (lower(a), b) WHERE b IS NOT NULL;"
        "CREATE UNIQUE INDEX ix_posts_user ON posts (user_id);");
    REQUIRE(s.tables.size() == 3);
    CHECK(s.tables[0].name == "pairs");
    CHECK(s.tables[1].name == "posts");
    CHECK(s.tables[2].name == "users");

    const auto& users = s.tables[2];
    REQUIRE(users.columns.size() == 4);
    CHECK(users.columns[0].identity);
    CHECK_FALSE(users.columns[0].nullable);
    CHECK(users.columns[1].type.sql == "TEXT");
    CHECK(*users.columns[1].collation == "NOCASE");
    CHECK(*users.columns[2].server_default == "CURRENT_TIMESTAMP");
    CHECK(*users.columns[3].server_default == "0.5 * 2");
    REQUIRE(users.uniques.size() == 1);
    CHECK(users.uniques[0].name == "");
    CHECK(users.uniques[0].columns == std::vector<std::string>{"email"});

    const auto& pairs = s.tables[0];
    REQUIRE(pairs.primary_key);
    CHECK(pairs.primary_key->columns == std::vector<std::string>{"y", "x"});
    CHECK_FALSE(pairs.columns[0].identity);

    const auto& posts = s.tables[1];
    REQUIRE(posts.foreign_keys.size() == 2);
    CHECK(posts.foreign_keys[0].name == "");  // unnamed sorts first
    CHECK(posts.foreign_keys[0].ref_table == "users");
    CHECK(posts.foreign_keys[0].ref_columns == std::vector<std::string>{"id"});
    CHECK(posts.foreign_keys[0].on_delete == schema::ReferentialAction::Cascade);
    CHECK(posts.foreign_keys[1].name == "fk_ab");
    CHECK(posts.foreign_keys[1].columns == std::vector<std::string>{"a", "b"});
    CHECK(posts.foreign_keys[1].on_update == schema::ReferentialAction::Restrict);
    REQUIRE(posts.checks.size() == 2);
    CHECK(posts.checks[0].name == "");
    CHECK(posts.checks[0].expression == "a > 0");
    CHECK(posts.checks[1].name == "ck_ab");
    REQUIRE(posts.indexes.size() == 2);
    CHECK(posts.indexes[0].name == "ix_posts_lower");
    CHECK(posts.indexes[0].columns == std::vector<std::string>{"(lower(a))", "b"});
    CHECK(posts.indexes[0].where == "b IS NOT NULL");
    CHECK(posts.indexes[1].unique);
}

TEST_CASE("sqlite inspector: skips internal, scratch, version and excluded tables") {
    auto s = inspect(
        "CREATE TABLE a (x INTEGER); CREATE TABLE legacy_b (x INTEGER); CREATE TABLE "
        "autogen_version (v TEXT);"
        "CREATE TABLE _autogen_new_a (x INTEGER); CREATE TABLE k (id INTEGER PRIMARY KEY "
        "AUTOINCREMENT)",
        {.exclude_tables = {"legacy_*"}});
    REQUIRE(s.tables.size() == 2);  // sqlite_sequence is skipped too
    CHECK(s.tables[0].name == "a");
    CHECK(s.tables[1].name == "k");
}

TEST_CASE("sqlite inspector: a failing catalog query is named") {
    testing::TempDir dir;
    // open_sqlite itself refuses a file that is not a database, so it turns into one
    // after the connection is open.
    auto path = dir.write("not_a.db", "");
    support::Diagnostics diags;
    auto conn = db::open_sqlite(path.string(), diags);
    REQUIRE(conn);
    dir.write("not_a.db", std::string(4096, 'x'));
    auto s = introspect::make_sqlite_inspector()->inspect(*conn, {}, diags);
    CHECK_FALSE(s);
    REQUIRE(diags.has_errors());
    bool named = false;
    for (const auto& d : diags.items())
        named = named || d.message.find("query \"tables\"") != std::string::npos;
    CHECK(named);
}

TEST_CASE("sqlite inspector: names written in another case are reported as declared") {
    auto s = inspect(
        "CREATE TABLE Users (Id INTEGER PRIMARY KEY, Email TEXT COLLATE nocase);"
        "CREATE TABLE posts (owner INTEGER REFERENCES USERS (ID));"
        "CREATE INDEX ix_email ON users (EMAIL)");
    REQUIRE(s.tables.size() == 2);
    const auto& users = s.tables[0];
    CHECK(users.name == "Users");
    CHECK(*users.columns[1].collation == "NOCASE");
    REQUIRE(users.indexes.size() == 1);
    CHECK(users.indexes[0].columns == std::vector<std::string>{"Email"});
    const auto& posts = s.tables[1];
    REQUIRE(posts.foreign_keys.size() == 1);
    CHECK(posts.foreign_keys[0].ref_table == "Users");
    CHECK(posts.foreign_keys[0].ref_columns == std::vector<std::string>{"Id"});
}
