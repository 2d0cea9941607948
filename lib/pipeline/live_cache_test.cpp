// The live-schema cache: a second read of an unchanged database is answered from the
// cache (no catalog query but the fingerprint), and after each kind of change the
// inspector can see (a column, a comment, an index built concurrently, a function a
// default names renamed, an enum label, a session's search_path) the answer equals a
// fresh inspection. A read that warns is read again every time. On the PostgreSQL test
// server and on SQLite.
#include "pipeline/live_cache.hpp"

#include <doctest/doctest.h>

#include "db/sqlite_connection.hpp"
#include "schema/schema_view.hpp"
#include "tests/support/counting_connection.hpp"
#include "tests/support/pipeline_project.hpp"
#include "tests/support/postgres_test_server.hpp"

using namespace autogen;
using test::PipelineProject;

namespace {

/// The live database `url` of `p`, its connection counting the statements sent.
struct CountedLive {
    pipeline::LiveDatabase live;
    std::unique_ptr<db::Connection> inner;
    test::CountingConnection* counted = nullptr;

    CountedLive(PipelineProject& p, const support::Config& config, const std::string& url) {
        auto ctx = p.context(url);
        auto opened = pipeline::open_live(ctx, config, true);
        INFO(p.messages());
        REQUIRE(opened);
        inner = std::move(opened->conn);
        auto wrapper = std::make_unique<test::CountingConnection>(*inner);
        counted = wrapper.get();
        live.url = opened->url;
        live.dialect = opened->dialect;
        live.conn = std::move(wrapper);
    }
};

std::string text_of(const std::optional<schema::Schema>& s) {
    return s ? schema::to_json(*s).dump(1) : std::string("(none)");
}

/// What `url` reads as now, with no cache.
std::optional<schema::Schema> fresh_read(PipelineProject& p, const support::Config& config,
                                         const std::string& url) {
    test::ScopedEnv no_cache("AUTOGEN_NO_CACHE", "1");
    CountedLive fresh(p, config, url);
    return pipeline::inspect_live(fresh.live, config, p.diags);
}

/// Reads `url` twice through the cache: the second read sends one statement (the
/// fingerprint) and answers as a fresh read does.
void cached_read_is_fresh(PipelineProject& p, const support::Config& config, const std::string& url,
                          const std::string& why) {
    CAPTURE(why);
    {
        CountedLive first(p, config, url);
        REQUIRE(pipeline::inspect_live(first.live, config, p.diags));
    }
    CountedLive again(p, config, url);
    auto cached = pipeline::inspect_live(again.live, config, p.diags);
    INFO(p.messages());
    CHECK(again.counted->calls == 1);
    CHECK(text_of(cached) == text_of(fresh_read(p, config, url)));
}

/// A fresh database on the PostgreSQL test server, a project comparing with it, and a
/// connection to change it with.
struct PostgresLive {
    test::PostgresTestDatabase db;
    PipelineProject p;
    support::Config config = p.config(test::postgres_toml());
    support::Diagnostics diags;
    std::unique_ptr<db::Connection> admin = db.connect(diags);

    void run(const std::string& sql) {
        INFO(sql);
        REQUIRE(admin);
        REQUIRE(admin->execute(sql, diags));
    }
};

}  // namespace

TEST_CASE("live cache: a postgresql database read again answers from the cache until it changes") {
    PostgresLive pg;
    auto& p = pg.p;
    const auto& config = pg.config;
    const auto& db = pg.db;
    auto run = [&](const std::string& sql) { pg.run(sql); };
    run("CREATE FUNCTION pick_score() RETURNS integer LANGUAGE sql AS 'SELECT 1'");
    run("CREATE TYPE mood AS ENUM ('calm')");
    run("CREATE TABLE users (id bigint PRIMARY KEY, email text, score integer DEFAULT "
        "pick_score(), feeling mood)");
    cached_read_is_fresh(p, config, db.url(), "as created");

    const auto before = fresh_read(p, config, db.url());
    const std::vector<std::pair<std::string, std::string>> changes = {
        {"a column", "ALTER TABLE users ADD COLUMN name varchar(20)"},
        {"a comment", "COMMENT ON COLUMN users.email IS 'where we write'"},
        {"an index built concurrently",
         "CREATE INDEX CONCURRENTLY ix_users_email ON users (email)"},
        {"a function a default names, renamed", "ALTER FUNCTION pick_score() RENAME TO base_score"},
        {"an enum label", "ALTER TYPE mood ADD VALUE 'glad'"},
        {"a check", "ALTER TABLE users ADD CONSTRAINT users_score_check CHECK (score >= 0)"},
        {"a type", "ALTER TABLE users ALTER COLUMN name TYPE varchar(40)"},
    };
    for (const auto& change : changes) {
        const std::string& what = change.first;
        const auto was = fresh_read(p, config, db.url());
        run(change.second);
        cached_read_is_fresh(p, config, db.url(), what);
        CHECK_MESSAGE(text_of(fresh_read(p, config, db.url())) != text_of(was), what);
    }
    CHECK(text_of(fresh_read(p, config, db.url())) != text_of(before));
}

TEST_CASE("live cache: the postgresql fingerprint moves with the session's search_path") {
    PostgresLive pg;
    auto& diags = pg.diags;
    auto& conn = pg.admin;
    REQUIRE(conn);
    const auto& inspector = *pg.p.dialect("postgresql").inspector;
    const std::string first = inspector.catalog_fingerprint(*conn);
    CHECK_FALSE(first.empty());
    CHECK(first == inspector.catalog_fingerprint(*conn));
    REQUIRE(conn->execute("SET search_path TO pg_catalog", diags));
    CHECK(inspector.catalog_fingerprint(*conn) != first);
    // The server's version is part of it, so an upgraded server never reuses an entry.
    auto version = conn->query("SELECT current_setting('server_version_num')", {}, diags);
    REQUIRE(version);
    CHECK(first.rfind(*version->rows.at(0).at(0) + " ", 0) == 0);
}

// This case used to be "a postgresql read that warns is read again, and warns again":
// a generated column was the PostgreSQL inspector's only warning. Generated columns are
// read with their expression now, without one, so the read is cached like any other.
// (A read that warns is still never cached: live_database.cpp compares the diagnostics.)
TEST_CASE("live cache: a postgresql generated column is read without a warning, then cached") {
    PostgresLive pg;
    pg.run(
        "CREATE TABLE boxes (w integer, h integer, area integer GENERATED ALWAYS AS (w * h) "
        "STORED)");
    for (int round = 0; round < 2; ++round) {
        CAPTURE(round);
        support::Diagnostics said;
        CountedLive live(pg.p, pg.config, pg.db.url());
        auto read = pipeline::inspect_live(live.live, pg.config, said);
        REQUIRE(read);
        CHECK(said.items().empty());
        const auto* area =
            read->find_table("boxes") ? read->find_table("boxes")->find_column("area") : nullptr;
        REQUIRE(area);
        CHECK(area->generated == std::optional<std::string>("w * h"));
        if (round == 1) CHECK(live.counted->calls == 1);  // the fingerprint only
    }
}

TEST_CASE("live cache: a sqlite database read again answers from the cache until it changes") {
    PipelineProject p;
    const auto config = p.config(test::kSqliteToml);
    support::Diagnostics diags;
    const auto file = (p.dir.path() / "app.sqlite3").string();
    auto conn = db::open_sqlite(file, diags);
    REQUIRE(conn);
    REQUIRE(conn->execute("CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT)", diags));
    const std::string url = "sqlite:///app.sqlite3";
    cached_read_is_fresh(p, config, url, "as created");
    const auto was = fresh_read(p, config, url);
    REQUIRE(conn->execute("CREATE INDEX ix_users_email ON users (email)", diags));
    cached_read_is_fresh(p, config, url, "an index");
    CHECK(text_of(fresh_read(p, config, url)) != text_of(was));
}
