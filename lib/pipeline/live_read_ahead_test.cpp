// LiveReadAhead: the schema read on its own thread is the one inspect_live reads, what
// it said arrives at take(), a changed exclusion reads again, and a failure reports
// where it would have.
#include "pipeline/live_read_ahead.hpp"

#include <doctest/doctest.h>

#include "db/sqlite_connection.hpp"
#include "schema/schema_view.hpp"
#include "tests/support/pipeline_project.hpp"

using namespace autogen;
using test::PipelineProject;

namespace {

void make_live(PipelineProject& p) {
    support::Diagnostics diags;
    auto conn = db::open_sqlite((p.dir.path() / "app.sqlite3").string(), diags);
    REQUIRE(conn);
    REQUIRE(
        conn->execute("CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT NOT NULL)", diags));
    REQUIRE(conn->execute("CREATE TABLE audit_log (id INTEGER PRIMARY KEY)", diags));
}

std::vector<std::string> names(const schema::Schema& s) {
    std::vector<std::string> out;
    for (const auto& t : s.tables) out.push_back(t.name);
    return out;
}

}  // namespace

TEST_CASE("live read-ahead: the schema read ahead is what inspect_live reads, said at take") {
    PipelineProject p;
    make_live(p);
    const auto config = p.config(test::kSqliteToml);
    auto ctx = p.context("sqlite:///app.sqlite3");
    ctx.read_only = true;
    pipeline::LiveReadAhead ahead(ctx, config);
    // Nothing reaches the caller before take(): its diagnostics and lines are its own.
    std::shared_ptr<const schema::Schema> schema;
    auto live = ahead.take(ctx, config, schema);
    INFO(p.messages());
    REQUIRE(live);
    REQUIRE(schema);
    CHECK(p.details == std::vector<std::string>{"database: sqlite:///app.sqlite3"});
    auto direct = pipeline::open_live(ctx, config, false);
    REQUIRE(direct);
    auto read = pipeline::inspect_live(*direct, config, p.diags);
    REQUIRE(read);
    CHECK(schema::to_json(*schema) == schema::to_json(*read));
    CHECK(names(*schema) == std::vector<std::string>{"audit_log", "users"});
}

TEST_CASE("live read-ahead: tables the scan kept out since are read again without them") {
    PipelineProject p;
    make_live(p);
    const auto config = p.config(test::kSqliteToml);
    auto ctx = p.context("sqlite:///app.sqlite3");
    pipeline::LiveReadAhead ahead(ctx, config);
    auto excluding = config;
    excluding.models.exclude_tables.push_back("audit_*");
    std::shared_ptr<const schema::Schema> schema;
    auto live = ahead.take(ctx, excluding, schema);
    INFO(p.messages());
    REQUIRE(live);
    REQUIRE(schema);
    CHECK(names(*schema) == std::vector<std::string>{"users"});
}

TEST_CASE("live read-ahead: a database that cannot be opened is an error at take, not before") {
    PipelineProject p;
    const auto config = p.config(test::kSqliteToml);
    auto ctx = p.context("sqlite:///missing.sqlite3");
    ctx.read_only = true;  // a read-only command never creates the file
    {
        pipeline::LiveReadAhead ahead(ctx, config);
        std::shared_ptr<const schema::Schema> schema;
        auto live = ahead.take(ctx, config, schema);
        CHECK_FALSE(live);
        CHECK_FALSE(schema);
        CHECK(p.diags.has_errors());
        CHECK(p.messages().find("missing.sqlite3") != std::string::npos);
    }
    CHECK_FALSE(std::filesystem::exists(p.dir.path() / "missing.sqlite3"));
    // A read nobody takes is waited for and dropped.
    PipelineProject q;
    make_live(q);
    const auto other = q.config(test::kSqliteToml);
    { pipeline::LiveReadAhead unused(q.context("sqlite:///app.sqlite3"), other); }
    CHECK_FALSE(q.diags.has_errors());
    CHECK(q.details.empty());
}
