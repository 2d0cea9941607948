// SnapshotReadAhead: on a fresh clone (no cache) whose live database is at the head,
// the snapshot read back on its own thread from the live tables autogen.sum vouches for
// equals a fresh materialisation; under other exclusions, or when only a scratch
// database could answer, it gives the parsed snapshot and leaves the read-back to the
// caller, saying nothing.
#include "pipeline/snapshot_read_ahead.hpp"

#include <doctest/doctest.h>

#include "db/sqlite_connection.hpp"
#include "migrate/schema_snapshot.hpp"
#include "pipeline/creation_plan.hpp"
#include "pipeline/materialize.hpp"
#include "pipeline/project_graph.hpp"
#include "pipeline/sum_checks.hpp"
#include "pipeline/sum_record.hpp"
#include "schema/schema_view.hpp"
#include "tests/support/pipeline_project.hpp"

using namespace autogen;
using test::PipelineProject;

namespace {

const char* const kRevision = "migrations/001_a1.sql";

/// A project with one revision and an autogen.sum recording users_model(false) with its
/// sqlite digests (learnt by materialising it in the project's own cache); returns
/// that fresh read-back.
schema::Schema author(PipelineProject& p, const support::Config& config) {
    p.dir.write(kRevision, test::revision_file("sqlite", "a1", "none", "SELECT 1;", "SELECT 1;"));
    auto fresh =
        pipeline::materialize(p.dialect("sqlite"), test::users_model(false), config, p.diags);
    INFO(p.messages());
    REQUIRE(fresh);
    REQUIRE(pipeline::record_sum(p.context(), config, test::users_model(false)));
    return *fresh;
}

/// A fresh clone of `p`'s files (no cache) with a live database made by the statements
/// that create the models: the database a clone at the head works on.
void clone_at_head(const PipelineProject& p, PipelineProject& clone, bool with_live_tables) {
    for (const char* file : {kRevision, "migrations/autogen.sum"})
        clone.dir.write(file, testing::read_file(p.dir.path() / file));
    support::Diagnostics diags;
    auto conn = db::open_sqlite((clone.dir.path() / "app.sqlite3").string(), diags);
    REQUIRE(conn);
    if (!with_live_tables) return;
    const auto& sqlite = clone.dialect("sqlite");
    const auto lowered = sqlite.planner->lower(test::users_model(false), diags);
    for (const auto& st : pipeline::creation_statements(sqlite, lowered, diags))
        REQUIRE(conn->execute(st.sql, diags));
    REQUIRE_FALSE(diags.has_errors());
}

struct Clone {
    PipelineProject project;
    support::Config config;
    std::optional<migrate::SumFile> sum;
    std::optional<migrate::RevisionGraph> graph;

    Clone(const PipelineProject& from, bool with_live_tables) {
        config = project.config(test::kSqliteToml);
        clone_at_head(from, project, with_live_tables);
        sum = pipeline::readable_sum(config);
        REQUIRE(sum);
        graph = pipeline::load_graph(config, project.diags);
        REQUIRE(graph);
        REQUIRE(pipeline::sum_stands_for_chain(*graph, *sum));
    }
};

}  // namespace

TEST_CASE("snapshot read-ahead: a fresh clone reads the snapshot back from vouched live tables") {
    PipelineProject p;
    const auto fresh = author(p, p.config(test::kSqliteToml));
    Clone c(p, /*with_live_tables=*/true);
    const auto ctx = c.project.context("sqlite:///app.sqlite3");
    pipeline::LiveReadAhead live(ctx, c.config);
    pipeline::SnapshotReadAhead ahead(c.config, c.sum, *c.graph, live);
    auto taken = ahead.take(ctx, c.config);
    INFO(c.project.messages());
    CHECK_FALSE(c.project.diags.has_errors());
    REQUIRE(taken.snapshot);
    CHECK(migrate::snapshot_text(*taken.snapshot) ==
          migrate::snapshot_text(test::users_model(false)));
    REQUIRE(taken.chain);
    REQUIRE(taken.dialect);
    CHECK(taken.dialect->name == "sqlite");
    CHECK(schema::to_json(*taken.chain) == schema::to_json(fresh));
    // No scratch database was made for it: the clone's cache learnt it from the witness.
    auto cached = pipeline::materialize(c.project.dialect("sqlite"), test::users_model(false),
                                        c.config, c.project.diags, /*cache_only=*/true);
    REQUIRE(cached);
    CHECK(schema::to_json(*cached) == schema::to_json(fresh));
    std::shared_ptr<const schema::Schema> schema;
    CHECK(live.take(ctx, c.config, schema));
}

TEST_CASE(
    "snapshot read-ahead: other exclusions, or a database that vouches for nothing, leave "
    "the read-back to the caller") {
    PipelineProject p;
    author(p, p.config(test::kSqliteToml));
    SUBCASE("the scan kept a table out since") {
        Clone c(p, /*with_live_tables=*/true);
        const auto ctx = c.project.context("sqlite:///app.sqlite3");
        pipeline::LiveReadAhead live(ctx, c.config);
        pipeline::SnapshotReadAhead ahead(c.config, c.sum, *c.graph, live);
        auto excluding = c.config;
        excluding.models.exclude_tables.push_back("audit_*");
        auto taken = ahead.take(ctx, excluding);
        CHECK(taken.snapshot);
        CHECK_FALSE(taken.chain);
        CHECK_FALSE(c.project.diags.has_errors());
    }
    SUBCASE("an empty live database and no cache: only a scratch database could answer") {
        Clone c(p, /*with_live_tables=*/false);
        const auto ctx = c.project.context("sqlite:///app.sqlite3");
        pipeline::LiveReadAhead live(ctx, c.config);
        pipeline::SnapshotReadAhead ahead(c.config, c.sum, *c.graph, live);
        auto taken = ahead.take(ctx, c.config);
        CHECK(taken.snapshot);
        CHECK_FALSE(taken.chain);
        CHECK(c.project.diags.items().empty());
    }
    SUBCASE("a read nobody takes is waited for and dropped") {
        Clone c(p, /*with_live_tables=*/true);
        const auto ctx = c.project.context("sqlite:///app.sqlite3");
        pipeline::LiveReadAhead live(ctx, c.config);
        { pipeline::SnapshotReadAhead unused(c.config, c.sum, *c.graph, live); }
        CHECK(c.project.diags.items().empty());
    }
}
