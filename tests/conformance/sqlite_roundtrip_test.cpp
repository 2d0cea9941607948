// Property test of the SQLite round trip the differ relies on: for many random model
// schemas S, creating lower(S) with the planner's CREATE statements in a real SQLite
// database and reading it back with the inspector gives lower(S) again, on every
// object SQLite stores (comments and enum types it does not).
#include <doctest/doctest.h>

#include "tests/support/schema_compare.hpp"
#include "tests/support/sqlite_schema_generator.hpp"
#include "tests/support/sqlite_test_harness.hpp"

using namespace autogen;
using namespace autogen::schema;

using autogen::testing::SchemaGenerator;

TEST_CASE("sqlite round trip: inspect(create(lower(S))) == lower(S) for random schemas") {
    for (unsigned seed = 1; seed <= 300; ++seed) {
        CAPTURE(seed);
        testing::SqliteHarness h;
        REQUIRE(h.conn);
        Schema lowered = h.planner->lower(SchemaGenerator(seed).generate(), h.diags);
        REQUIRE_MESSAGE(!h.diags.has_errors(), h.messages());
        REQUIRE_MESSAGE(h.create(lowered), h.messages());
        auto diffs = testing::schema_differences(lowered, h.inspect());
        CHECK_MESSAGE(diffs.empty(), testing::describe_differences(diffs));
        if (!diffs.empty()) break;  // one failing seed is enough to debug
    }
}
