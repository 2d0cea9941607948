// The materialised-schema cache: content keys (statements, dialect, server, build;
// the chain's file checksums), hit and miss by key, AUTOGEN_NO_CACHE, and materialize()
// answering from it without a database.
#include "pipeline/materialized_cache.hpp"

#include <doctest/doctest.h>

#include <filesystem>

#include "pipeline/materialize.hpp"
#include "pipeline/project_graph.hpp"
#include "tests/support/pipeline_project.hpp"

using namespace autogen;
using test::PipelineProject;
namespace fs = std::filesystem;

namespace {

std::size_t entries(const PipelineProject& p) {
    std::error_code ec;
    const fs::path dir = p.dir.path() / ".autogen" / "cache";
    std::size_t n = 0;
    for (const auto& e : fs::directory_iterator(dir, ec))
        n += e.path().filename().string().rfind("materialized-", 0) == 0;
    return n;
}

}  // namespace

TEST_CASE("materialized cache: keys follow the content, never the time") {
    PipelineProject p;
    auto config = p.config(test::kSqliteToml);
    const std::vector<codegen::Statement> one = {{.sql = "CREATE TABLE a (x INTEGER)"}};
    const std::vector<codegen::Statement> other = {{.sql = "CREATE TABLE a (y INTEGER)"}};
    const auto key = pipeline::materialized_key("sqlite", "SQLite 3.40.1", one, config);
    CHECK(key == pipeline::materialized_key("sqlite", "SQLite 3.40.1", one, config));
    CHECK(key != pipeline::materialized_key("sqlite", "SQLite 3.40.1", other, config));
    CHECK(key != pipeline::materialized_key("postgresql", "SQLite 3.40.1", one, config));
    auto elsewhere = config;
    elsewhere.database.dev_url = "postgresql://localhost/other";
    CHECK(key != pipeline::materialized_key("sqlite", "SQLite 3.40.1", one, elsewhere));
    auto excluding = config;
    excluding.models.exclude_tables = {"audit_*"};
    CHECK(key != pipeline::materialized_key("sqlite", "SQLite 3.40.1", one, excluding));
    // Another server version may normalise differently: never the same answer.
    CHECK(key != pipeline::materialized_key("sqlite", "SQLite 3.45.0", one, config));

    // A chain key names every applied revision's file checksum: an edit changes it.
    p.dir.write("migrations/001_a1.sql",
                test::revision_file("sqlite", "a1", "none", "CREATE TABLE a (x INTEGER);",
                                    "DROP TABLE a;"));
    auto graph = pipeline::load_graph(config, p.diags);
    REQUIRE(graph);
    const auto chain = pipeline::chain_key("sqlite", "SQLite 3.40.1", *graph, {"a1"}, config);
    CHECK(chain.rfind("chain-", 0) == 0);
    CHECK(chain != pipeline::chain_key("sqlite", "SQLite 3.40.1", *graph, {}, config));
    CHECK(chain != pipeline::chain_key("sqlite", "SQLite 3.45.0", *graph, {"a1"}, config));
    p.dir.write("migrations/001_a1.sql",
                test::revision_file("sqlite", "a1", "none", "CREATE TABLE a (z INTEGER);",
                                    "DROP TABLE a;"));
    auto edited = pipeline::load_graph(config, p.diags);
    REQUIRE(edited);
    CHECK(chain != pipeline::chain_key("sqlite", "SQLite 3.40.1", *edited, {"a1"}, config));
}

TEST_CASE(
    "materialized cache: a stored schema is found by its key only, and AUTOGEN_NO_CACHE turns it "
    "off") {
    PipelineProject p;
    auto config = p.config(test::kSqliteToml);
    const auto key = pipeline::materialized_key(
        "sqlite", "SQLite 3.40.1", {{.sql = "CREATE TABLE users (id INTEGER)"}}, config);
    const auto miss = pipeline::materialized_key("sqlite", "SQLite 3.40.1",
                                                 {{.sql = "CREATE TABLE users (id TEXT)"}}, config);
    CHECK_FALSE(pipeline::lookup_materialized(config, key));
    pipeline::store_materialized(config, key, test::users_model(true));
    auto hit = pipeline::lookup_materialized(config, key);
    REQUIRE(hit);
    REQUIRE(hit->tables.size() == 1);
    CHECK(hit->tables[0].name == "users");
    CHECK(hit->tables[0].columns.size() == 3);
    CHECK_FALSE(pipeline::lookup_materialized(config, miss));
    {
        test::ScopedEnv off("AUTOGEN_NO_CACHE", "1");
        CHECK_FALSE(pipeline::lookup_materialized(config, key));
        pipeline::store_materialized(config, miss, test::users_model(false));
    }
    CHECK_FALSE(pipeline::lookup_materialized(config, miss));  // nothing was stored while off
    CHECK(entries(p) == 1);
}

TEST_CASE(
    "materialized cache: materialize answers a model it saw from the cache, cache_only misses a "
    "changed one") {
    PipelineProject p;
    auto config = p.config(test::kSqliteToml);
    const auto& sqlite = p.dialect("sqlite");
    CHECK_FALSE(pipeline::materialize(sqlite, test::users_model(false), config, p.diags,
                                      /*cache_only=*/true));
    CHECK_FALSE(p.diags.has_errors());
    CHECK(entries(p) == 0);
    auto first = pipeline::materialize(sqlite, test::users_model(false), config, p.diags);
    INFO(p.messages());
    REQUIRE(first);
    CHECK(entries(p) == 1);
    auto again = pipeline::materialize(sqlite, test::users_model(false), config, p.diags,
                                       /*cache_only=*/true);
    REQUIRE(again);
    CHECK(again->tables[0].columns.size() == 2);
    CHECK(again->tables[0].columns[1].type.sql == first->tables[0].columns[1].type.sql);
    CHECK_FALSE(pipeline::materialize(sqlite, test::users_model(true), config, p.diags,
                                      /*cache_only=*/true));
    CHECK_FALSE(p.diags.has_errors());
}

TEST_CASE(
    "materialized cache: an unchanged model is answered by its model key without planning, a "
    "changed, moved or damaged one is not") {
    PipelineProject p;
    auto config = p.config(test::kSqliteToml);
    const auto& sqlite = p.dialect("sqlite");
    const auto model = test::users_model(false);
    const auto key = pipeline::model_key("sqlite", "SQLite 3.40.1", model, config);
    CHECK(key == pipeline::model_key("sqlite", "SQLite 3.40.1", model, config));
    CHECK(key != pipeline::model_key("sqlite", "SQLite 3.40.1", test::users_model(true), config));
    CHECK(key != pipeline::model_key("sqlite", "SQLite 3.45.0", model, config));
    auto moved = model;
    moved.tables[0].location.line += 1;  // stricter than needed: a moved struct misses
    CHECK(key != pipeline::model_key("sqlite", "SQLite 3.40.1", moved, config));

    auto first = pipeline::materialize(sqlite, model, config, p.diags);
    INFO(p.messages());
    REQUIRE(first);
    const auto server = sqlite.server_identity(config);
    const auto alias =
        pipeline::lookup_model_alias(config, pipeline::model_key("sqlite", server, model, config));
    REQUIRE(alias);
    auto stored = pipeline::lookup_materialized(config, *alias);
    REQUIRE(stored);
    CHECK(stored->tables.size() == first->tables.size());
    // The alias answers what materialising again would: same tables, same columns.
    auto again = pipeline::materialize(sqlite, model, config, p.diags, /*cache_only=*/true);
    REQUIRE(again);
    REQUIRE(again->tables.size() == 1);
    CHECK(again->tables[0].columns.size() == first->tables[0].columns.size());
    for (std::size_t i = 0; i < again->tables[0].columns.size(); ++i)
        CHECK(again->tables[0].columns[i].type.sql == first->tables[0].columns[i].type.sql);

    // A damaged alias is no answer: the model is lowered and planned again (and still
    // hits the statement-keyed entry).
    const auto mkey = pipeline::model_key("sqlite", server, model, config);
    p.dir.write(".autogen/cache/model-" + mkey + ".key", "not a key");
    CHECK_FALSE(pipeline::lookup_model_alias(config, mkey));
    CHECK(pipeline::materialize(sqlite, model, config, p.diags, /*cache_only=*/true));
    CHECK(pipeline::lookup_model_alias(config, mkey) == alias);  // rewritten on the hit
    {
        test::ScopedEnv off("AUTOGEN_NO_CACHE", "1");
        CHECK_FALSE(pipeline::lookup_model_alias(config, mkey));
    }
}
