// snapshot_sides(): autogen.sum's snapshot standing in for the replayed chain, and its
// refusals when the sum is missing or does not match the revision files.
#include "pipeline/snapshot_sides.hpp"

#include <doctest/doctest.h>

#include "pipeline/project_graph.hpp"
#include "pipeline/sum_checks.hpp"
#include "pipeline/sum_record.hpp"
#include "tests/support/pipeline_project.hpp"

using namespace autogen;
using test::PipelineProject;

namespace {

void one_revision(const PipelineProject& p) {
    p.dir.write("migrations/001_a1.sql",
                test::revision_file(
                    "sqlite", "a1", "none",
                    "CREATE TABLE \"users\" (\"id\" INTEGER PRIMARY KEY, \"email\" TEXT NOT NULL);",
                    "DROP TABLE \"users\";"));
}

}  // namespace

TEST_CASE("snapshot sides: before any revision, the chain's side is the empty schema") {
    PipelineProject p;
    auto config = p.config(test::kSqliteToml);
    auto graph = pipeline::load_graph(config, p.diags);
    REQUIRE(graph);
    auto sides = pipeline::snapshot_sides(p.dialect("sqlite"), config, *graph,
                                          test::users_model(false), p.diags);
    INFO(p.messages());
    REQUIRE(sides);
    CHECK(sides->first.tables.empty());
    REQUIRE(sides->second.tables.size() == 1);
    CHECK_FALSE(sides->second.tables[0].columns[0].type.sql.empty());  // lowered by the planner
}

TEST_CASE("snapshot sides: refused when autogen.sum is missing") {
    PipelineProject p;
    auto config = p.config(test::kSqliteToml);
    one_revision(p);
    auto graph = pipeline::load_graph(config, p.diags);
    REQUIRE(graph);
    auto sides = pipeline::snapshot_sides(p.dialect("sqlite"), config, *graph,
                                          test::users_model(false), p.diags);
    CHECK_FALSE(sides);
    const auto text = p.messages();
    CHECK(text.find("no scratch sqlite database to replay the chain on, and migrations/autogen.sum "
                    "cannot stand in "
                    "for it: migrations/autogen.sum is missing") != std::string::npos);
    CHECK(text.find("hint: fix that first (see 'autogen check --offline')") != std::string::npos);
}

TEST_CASE(
    "snapshot sides: the recorded snapshot, and refused once a revision file no longer matches the "
    "sum") {
    PipelineProject p;
    auto config = p.config(test::kSqliteToml);
    one_revision(p);
    REQUIRE(pipeline::record_sum(p.context(), config, test::users_model(false)));
    CHECK(p.details == std::vector<std::string>{"wrote migrations/autogen.sum"});
    auto graph = pipeline::load_graph(config, p.diags);
    REQUIRE(graph);
    std::vector<pipeline::Finding> findings;
    CHECK(pipeline::check_sum_file(config, *graph, findings));
    CHECK(findings.empty());

    auto sides = pipeline::snapshot_sides(p.dialect("sqlite"), config, *graph,
                                          test::users_model(true), p.diags);
    INFO(p.messages());
    REQUIRE(sides);
    REQUIRE(sides->first.tables.size() == 1);
    CHECK(sides->first.tables[0].columns.size() == 2);
    CHECK(sides->second.tables[0].columns.size() == 3);
    auto ops = pipeline::diff_models(p.dialect("sqlite"), test::users_model(false),
                                     test::users_model(true), p.diags);
    REQUIRE(ops);
    CHECK(ops->size() == 1);

    // A hand edit: the sum no longer vouches for the chain.
    p.dir.write("migrations/001_a1.sql",
                test::revision_file("sqlite", "a1", "none",
                                    "CREATE TABLE \"users\" (\"id\" INTEGER PRIMARY KEY);",
                                    "DROP TABLE \"users\";"));
    auto edited = pipeline::load_graph(config, p.diags);
    REQUIRE(edited);
    CHECK_FALSE(pipeline::snapshot_sides(p.dialect("sqlite"), config, *edited,
                                         test::users_model(true), p.diags));
    CHECK(p.messages().find("cannot stand in for it: migrations/001_a1.sql: changed since "
                            "migrations/autogen.sum was "
                            "written") != std::string::npos);
}
