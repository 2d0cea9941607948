// replay_chain(): a two-revision chain replayed into a scratch database at each head,
// and a chain that does not replay.
#include "pipeline/replay.hpp"

#include <doctest/doctest.h>

#include "pipeline/project_graph.hpp"
#include "tests/support/pipeline_project.hpp"

using namespace autogen;
using test::PipelineProject;

namespace {

/// users, then its phone column: revisions a1 and b2 for `dialect`.
void two_revisions(const PipelineProject& p, const std::string& dialect) {
    p.dir.write("migrations/001_a1.sql",
                test::revision_file(
                    dialect, "a1", "none",
                    "CREATE TABLE \"users\" (\"id\" BIGINT PRIMARY KEY, \"email\" TEXT NOT NULL);",
                    "DROP TABLE \"users\";"));
    p.dir.write(
        "migrations/002_b2.sql",
        test::revision_file(dialect, "b2", "a1", "ALTER TABLE \"users\" ADD COLUMN \"phone\" TEXT;",
                            "ALTER TABLE \"users\" DROP COLUMN \"phone\";"));
}

std::size_t columns_of_users(const schema::Schema& s) {
    const auto* t = s.find_table("users", "");
    return t ? t->columns.size() : 0;
}

void replays_at_each_head(PipelineProject& p, const support::Config& config,
                          const std::string& dialect) {
    two_revisions(p, dialect);
    auto graph = pipeline::load_graph(config, p.diags);
    INFO(p.messages());
    REQUIRE(graph);
    std::vector<std::string> steps;
    auto at_b2 =
        pipeline::replay_chain(p.dialect(dialect), *graph, {"b2"}, config, p.diags, false,
                               [&](const support::Progress& pr) { steps.push_back(pr.step); });
    REQUIRE(at_b2);
    CHECK(columns_of_users(*at_b2) == 3);
    CHECK(std::find(steps.begin(), steps.end(), "replaying the chain (" + dialect + ")") !=
          steps.end());
    auto at_a1 = pipeline::replay_chain(p.dialect(dialect), *graph, {"a1"}, config, p.diags);
    REQUIRE(at_a1);
    CHECK(columns_of_users(*at_a1) == 2);
    auto at_base = pipeline::replay_chain(p.dialect(dialect), *graph, {}, config, p.diags);
    REQUIRE(at_base);
    CHECK(at_base->tables.empty());
}

}  // namespace

TEST_CASE("replay: a two-revision chain on SQLite, at each head (the version table left out)") {
    test::ScopedEnv no_cache("AUTOGEN_NO_CACHE", "1");
    PipelineProject p;
    auto config = p.config(test::kSqliteToml);
    replays_at_each_head(p, config, "sqlite");
}

TEST_CASE("replay: a two-revision chain on the PostgreSQL test server") {
    test::ScopedEnv no_cache("AUTOGEN_NO_CACHE", "1");
    PipelineProject p;
    auto config = p.config(test::postgres_toml());
    replays_at_each_head(p, config, "postgresql");
}

TEST_CASE("replay: a chain that fails on an empty database is a MigrationFile error") {
    test::ScopedEnv no_cache("AUTOGEN_NO_CACHE", "1");
    PipelineProject p;
    auto config = p.config(test::kSqliteToml);
    p.dir.write("migrations/001_a1.sql",
                test::revision_file("sqlite", "a1", "none",
                                    "ALTER TABLE \"nowhere\" ADD COLUMN \"x\" TEXT;", ""));
    auto graph = pipeline::load_graph(config, p.diags);
    REQUIRE(graph);
    auto got = pipeline::replay_chain(p.dialect("sqlite"), *graph, {"a1"}, config, p.diags);
    CHECK_FALSE(got);
    CHECK(p.messages().find("the migration chain does not replay on an empty sqlite database") !=
          std::string::npos);
}
