// The PostgreSQL connection against the real test server (ctest's "postgres" fixture).
#include "db/postgres_connection.hpp"

#include <doctest/doctest.h>
#include <unistd.h>

#include <cstdio>

#include "db/postgres_url.hpp"
#include "tests/support/postgres_test_server.hpp"
#include "tests/support/temp_dir.hpp"

using namespace autogen;

namespace {

std::string print(const support::Diagnostics& diags) {
    std::string out;
    for (const auto& d : diags.items()) out += support::format(d) + "\n";
    return out;
}

db::DatabaseUrl parsed(const std::string& url) {
    support::Diagnostics diags;
    auto u = db::parse_postgres_url(url, diags);
    INFO(print(diags));
    REQUIRE(u);
    return *u;
}

/// How many databases on the server have this name.
std::string count_databases(db::Connection& conn, const std::string& name) {
    support::Diagnostics diags;
    auto r = conn.query("SELECT count(*) FROM pg_database WHERE datname = $1", {name}, diags);
    REQUIRE(r);
    return *r->rows[0][0];
}

}  // namespace

TEST_CASE("postgres connection: execute, query with $n parameters, NULLs") {
    test::PostgresTestDatabase database;
    support::Diagnostics diags;
    auto conn = database.connect(diags);
    INFO(print(diags));
    REQUIRE(conn);
    CHECK(conn->dialect() == "postgresql");
    REQUIRE(conn->execute(
        "CREATE TABLE t (a TEXT, b INTEGER);\nINSERT INTO t VALUES ('x', 1), (NULL, 2), ('é', 3)",
        diags));
    auto r =
        conn->query("SELECT a, b FROM t WHERE b >= $1 AND ($2::text IS NULL OR a = $2) ORDER BY b",
                    {std::string("1"), std::nullopt}, diags);
    REQUIRE(r);
    CHECK(r->columns == std::vector<std::string>{"a", "b"});
    REQUIRE(r->rows.size() == 3);
    CHECK(*r->rows[0][0] == "x");
    CHECK(*r->rows[0][1] == "1");
    CHECK_FALSE(r->rows[1][0].has_value());
    CHECK(*r->rows[2][0] == "é");
    // A statement without rows through query() (the version table's RETURNING-less writes).
    auto none = conn->query("UPDATE t SET b = b WHERE false", {}, diags);
    REQUIRE(none);
    CHECK(none->rows.empty());
    CHECK_FALSE(diags.has_errors());
}

TEST_CASE(
    "postgres connection: errors carry the server's message, SQLSTATE, detail, hint, line and "
    "statement") {
    test::PostgresTestDatabase database;
    support::Diagnostics setup;
    auto conn = database.connect(setup);
    REQUIRE(conn);
    REQUIRE(conn->execute("CREATE TABLE t (id INTEGER PRIMARY KEY)", setup));

    SUBCASE("a statement in a batch: the position gives line and column") {
        support::Diagnostics diags;
        CHECK_FALSE(conn->execute("INSERT INTO t VALUES (1);\nSELECT\n  nope FROM t", diags));
        REQUIRE(diags.error_count() == 1);
        const auto& d = diags.items().back();
        CHECK(d.category == support::Category::Database);
        CHECK(d.message.find("column \"nope\" does not exist") != std::string::npos);
        CHECK(d.message.find("[SQLSTATE 42703]") != std::string::npos);
        CHECK(d.message.find("at line 3, column 3:   nope FROM t") != std::string::npos);
        CHECK(d.message.find("\n  statement: INSERT INTO t") != std::string::npos);
        CHECK(d.location.line == 3);
        CHECK(d.location.column == 3);
        CHECK_FALSE(d.location.known());  // the caller knows the file
        // The batch ran as one implicit transaction: the INSERT before it is gone too.
        support::Diagnostics ok;
        CHECK(*conn->query("SELECT count(*) FROM t", {}, ok)->rows[0][0] == "0");
    }
    SUBCASE("a constraint violation: detail, and which statement of the batch") {
        support::Diagnostics diags;
        CHECK_FALSE(conn->execute("INSERT INTO t VALUES (1); INSERT INTO t VALUES (1)", diags));
        const auto& d = diags.items().back();
        CHECK(d.message.find("duplicate key value violates unique constraint \"t_pkey\"") !=
              std::string::npos);
        CHECK(d.message.find("[SQLSTATE 23505]") != std::string::npos);
        CHECK(d.message.find("detail: Key (id)=(1) already exists.") != std::string::npos);
        CHECK(d.message.find("in statement 2 of the batch") != std::string::npos);
    }
    SUBCASE("the server's hint becomes the diagnostic's hint") {
        support::Diagnostics diags;
        CHECK_FALSE(conn->query("SELECT no_such_function(1)", {}, diags));
        const auto& d = diags.items().back();
        CHECK(d.message.find("function no_such_function(integer) does not exist") !=
              std::string::npos);
        CHECK(d.hint.find("No function matches") != std::string::npos);
        CHECK(d.location.column == 8);
    }
}

TEST_CASE("postgres connection: server notices are not printed") {
    test::PostgresTestDatabase database;
    support::Diagnostics diags;
    auto conn = database.connect(diags);
    REQUIRE(conn);
    // libpq's default notice processor writes to stderr: catch fd 2 in a file.
    testing::TempDir dir;
    auto captured = dir.path() / "stderr.txt";
    std::fflush(stderr);
    int saved = ::dup(2);
    FILE* sink = std::fopen(captured.c_str(), "w");
    REQUIRE(sink);
    ::dup2(::fileno(sink), 2);
    bool ok = conn->execute(
        "CREATE TABLE IF NOT EXISTS t (a int); CREATE TABLE IF NOT EXISTS t (a int);"
        "DROP TABLE IF EXISTS nothing_here",
        diags);
    std::fflush(stderr);
    ::dup2(saved, 2);
    ::close(saved);
    std::fclose(sink);
    CHECK(ok);
    CHECK(testing::read_file(captured).empty());
    CHECK(diags.items().empty());
}

TEST_CASE("postgres connection: transactions") {
    test::PostgresTestDatabase database;
    support::Diagnostics diags;
    auto conn = database.connect(diags);
    REQUIRE(conn);
    REQUIRE(conn->execute("CREATE TABLE t (a int)", diags));
    auto count = [&] { return *conn->query("SELECT count(*) FROM t", {}, diags)->rows[0][0]; };

    REQUIRE(conn->begin(diags));
    REQUIRE(conn->execute("INSERT INTO t VALUES (1)", diags));
    REQUIRE(conn->rollback(diags));
    CHECK(count() == "0");

    REQUIRE(conn->begin(diags));
    REQUIRE(conn->execute("INSERT INTO t VALUES (1)", diags));
    REQUIRE(conn->commit(diags));
    CHECK(count() == "1");
    CHECK(conn->rollback(diags));  // nothing open: a no-op

    SUBCASE("a COMMIT after a failed statement is an error, and nothing is kept") {
        REQUIRE(conn->begin(diags));
        REQUIRE(conn->execute("INSERT INTO t VALUES (2)", diags));
        support::Diagnostics failing;
        CHECK_FALSE(conn->execute("INSERT INTO nope VALUES (1)", failing));
        CHECK_FALSE(conn->commit(failing));
        CHECK(failing.items().back().message.find("rolled back at COMMIT") != std::string::npos);
        CHECK(count() == "1");
    }
    SUBCASE("a deferred constraint failing at COMMIT") {
        REQUIRE(conn->execute(
            "CREATE TABLE p (id int PRIMARY KEY);"
            "CREATE TABLE c (p_id int REFERENCES p (id) DEFERRABLE INITIALLY DEFERRED)",
            diags));
        REQUIRE(conn->begin(diags));
        REQUIRE(conn->execute("INSERT INTO c VALUES (7)", diags));
        support::Diagnostics failing;
        CHECK_FALSE(conn->commit(failing));
        CHECK(failing.items().back().message.find("violates foreign key constraint") !=
              std::string::npos);
        CHECK(*conn->query("SELECT count(*) FROM c", {}, diags)->rows[0][0] == "0");
    }
    CHECK_FALSE(diags.has_errors());
}

TEST_CASE("postgres connection: a failed connection names the URL without its password") {
    support::Diagnostics diags;
    // Port 1 on loopback: nothing listens there, the refusal is immediate.
    auto conn = db::open_postgres(parsed("postgresql://someone:s3cret-pw@127.0.0.1:1/app"), diags);
    CHECK_FALSE(conn);
    REQUIRE(diags.has_errors());
    std::string text = print(diags);
    CHECK(text.find("postgresql://someone:***@127.0.0.1:1/app") != std::string::npos);
    CHECK(text.find("s3cret-pw") == std::string::npos);
    CHECK(diags.items().back().category == support::Category::Database);

    SUBCASE("password as a query option") {
        support::Diagnostics more;
        CHECK_FALSE(db::open_postgres(
            parsed("postgres://someone@127.0.0.1:1/app?password=s3cret-pw"), more));
        CHECK(print(more).find("s3cret-pw") == std::string::npos);
    }
    SUBCASE("a wrong database on the real server") {
        support::Diagnostics more;
        auto url = db::with_database(test::postgres_test_server_url(), "no_such_database_here");
        CHECK_FALSE(db::open_postgres(parsed(url), more));
        CHECK(print(more).find("no_such_database_here") != std::string::npos);
    }
}

TEST_CASE("postgres urls: postgresql:// and postgres:// parse, malformed ones are config errors") {
    CHECK(parsed("postgresql://u:p@localhost:5432/app").scheme == "postgresql");
    CHECK(parsed("postgres://u@localhost/app?sslmode=disable").target ==
          "postgres://u@localhost/app?sslmode=disable");
    CHECK(parsed("postgresql:///app?host=/var/run/postgresql").scheme == "postgresql");
    support::Diagnostics diags;
    CHECK_FALSE(
        db::parse_postgres_url("postgresql://u:secret@localhost:5432/app?nosuchoption=1", diags));
    REQUIRE(diags.has_errors());
    CHECK(diags.items().back().category == support::Category::Config);
    CHECK(diags.items().back().message.find("nosuchoption") != std::string::npos);
    CHECK(diags.items().back().message.find("secret") == std::string::npos);

    CHECK(db::with_database("postgresql://u:p@h:1/old?sslmode=disable", "new") ==
          "postgresql://u:p@h:1/new?sslmode=disable");
    CHECK(db::with_database("postgresql://u@h", "new") == "postgresql://u@h/new");
    CHECK(db::with_database("postgres://h?sslmode=disable", "new") ==
          "postgres://h/new?sslmode=disable");
    CHECK(db::with_database("postgresql:///old", "new") == "postgresql:///new");
}

TEST_CASE("postgres scratch database: created from template0, dropped with its connection") {
    support::Diagnostics diags;
    auto server = parsed(test::postgres_test_server_url());
    auto admin = db::open_postgres(server, diags);
    REQUIRE(admin);
    std::string name;
    {
        auto scratch = db::open_postgres_scratch(server, diags);
        INFO(print(diags));
        REQUIRE(scratch);
        auto r = scratch->query(
            "SELECT current_database(), (SELECT count(*) FROM pg_tables WHERE schemaname = "
            "'public')",
            {}, diags);
        REQUIRE(r);
        name = *r->rows[0][0];
        CHECK(name.rfind("autogen_scratch_" + std::to_string(::getpid()) + "_", 0) == 0);
        CHECK(*r->rows[0][1] == "0");
        CHECK(count_databases(*admin, name) == "1");
        // Its commits do not wait for the WAL flush: set by the session itself (the
        // test server turns it off on its command line, which would read "off" too).
        auto sync = scratch->query(
            "SELECT setting, source FROM pg_settings WHERE name = 'synchronous_commit'", {}, diags);
        REQUIRE(sync);
        CHECK(*sync->rows[0][0] == "off");
        CHECK(*sync->rows[0][1] == "session");
        REQUIRE(scratch->execute("CREATE TABLE t (a int)", diags));
    }
    CHECK(count_databases(*admin, name) == "0");
    CHECK_FALSE(diags.has_errors());
}

TEST_CASE("postgres migration lock: a second session waits for the first") {
    test::PostgresTestDatabase database;
    support::Diagnostics diags;
    auto first = database.connect(diags);
    auto second = database.connect(diags);
    REQUIRE(first);
    REQUIRE(second);
    auto key = std::to_string(db::migration_lock_key("autogen_version"));
    auto try_lock = [&](db::Connection& conn) {
        return *conn.query("SELECT pg_try_advisory_lock($1::bigint)", {key}, diags)->rows[0][0];
    };

    REQUIRE(first->lock_migrations("autogen_version", {}, diags));
    CHECK(try_lock(*second) == "f");
    // A different version table is a different lock.
    REQUIRE(second->lock_migrations("other_version", {}, diags));
    second->unlock_migrations("other_version", diags);
    // Held across transactions, committed or not.
    REQUIRE(first->begin(diags));
    REQUIRE(first->rollback(diags));
    CHECK(try_lock(*second) == "f");
    first->unlock_migrations("autogen_version", diags);
    CHECK(try_lock(*second) == "t");
    CHECK_FALSE(diags.has_errors());

    CHECK(db::migration_lock_key("autogen_version") != db::migration_lock_key("other_version"));
    // FNV-1a 64 of "autogen:autogen_version", as documented in docs/dialects/postgresql.md.
    CHECK(db::migration_lock_key("autogen_version") ==
          db::migration_lock_key(std::string("autogen_") + "version"));
}
