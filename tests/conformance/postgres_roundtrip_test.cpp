// End to end on a real PostgreSQL server, as the CLI runs it: for every case of
// postgres_test_cases.hpp (one per operation kind), the target schema is the model
// lowered, created in a scratch database and inspected back; the operations come from
// the generic differ with the PostgreSQL rules; after the planned upgrade the differ
// must find nothing left (the fixpoint of SPEC §5), rows must survive, and the planned
// downgrade must bring the before schema back.
#include <doctest/doctest.h>

#include "tests/support/postgres_test_cases.hpp"
#include "tests/support/postgres_test_harness.hpp"

using namespace autogen;
using namespace autogen::testing::postgres_cases;

namespace {

std::string describe(const std::vector<schema::Operation>& ops) {
    std::string out;
    for (const auto& op : ops) out += diff::describe(op) + "\n";
    return out;
}

std::string sql_text(const std::vector<codegen::Statement>& statements) {
    std::string out;
    for (const auto& s : statements) out += s.sql + ";\n";
    return out;
}

/// One case: the before schema created and seeded, the planned upgrade applied (as the
/// runner runs a section), nothing left to do, rows kept; the downgrade brings it back.
void round_trip(const Case& c, const codegen::PlanOptions& options) {
    schema::Schema before = base(), after = base();
    c.change(after);
    std::string errors;
    schema::Schema want_before = testing::materialize_postgres(before, errors);
    REQUIRE_MESSAGE(errors.empty(), errors);
    schema::Schema want_after = testing::materialize_postgres(after, errors);
    REQUIRE_MESSAGE(errors.empty(), errors);

    testing::PostgresHarness h;
    REQUIRE_MESSAGE(h.conn, h.messages());
    REQUIRE_MESSAGE(h.create(h.planner->lower(before, h.diags)), h.messages());
    if (c.with_rows) REQUIRE_MESSAGE(h.conn->execute(kSeed, h.diags), h.messages());
    std::vector<std::vector<std::string>> kept_before;
    for (const auto& [q, _] : c.kept) kept_before.push_back(h.rows(q));

    schema::Schema from = h.inspect();
    CHECK_MESSAGE(h.left_to_do(want_before).empty(), "the created schema is not the model's:\n"
                                                         << h.left_to_do(want_before));
    auto ops = diff::diff(from, want_after, *h.rules);
    INFO("operations:\n" << describe(ops));
    auto up = h.planner->plan(ops, from, want_after, options, h.diags);
    INFO("upgrade:\n" << sql_text(up));
    REQUIRE_MESSAGE(h.run_section(up), h.messages());
    std::string left = h.left_to_do(want_after);
    CHECK_MESSAGE(left.empty(), "left after upgrade:\n" << left);
    for (std::size_t i = 0; i < c.kept.size(); ++i)
        CHECK(h.rows(c.kept[i].second) == kept_before[i]);

    auto down = h.planner->plan(schema::reverse(ops), want_after, from, options, h.diags);
    INFO("downgrade:\n" << sql_text(down));
    REQUIRE_MESSAGE(h.run_section(down), h.messages());
    std::string back = h.left_to_do(want_before);
    CHECK_MESSAGE(back.empty(), "left after downgrade:\n" << back);
    for (std::size_t i = 0; i < c.kept.size(); ++i) {
        // Going back from NOT NULL cannot restore the NULLs the default replaced.
        if (c.kept[i].first.find("IS NOT NULL") == std::string::npos &&
            c.kept[i].first.find("replace(") == std::string::npos)
            CHECK(h.rows(c.kept[i].first) == kept_before[i]);
    }
    CHECK_MESSAGE(!h.diags.has_errors(), h.messages());
}

}  // namespace

TEST_CASE("postgres round trip: every operation kind, planned from the differ, applied and back") {
    for (const auto& c : cases()) {
        SUBCASE(c.name) { round_trip(c, {}); }
    }
}

TEST_CASE("postgres round trip: every operation kind planned online, applied and back") {
    for (const auto& c : cases()) {
        SUBCASE(c.name) { round_trip(c, {.online = true}); }
    }
}

TEST_CASE(
    "postgres round trip: tightening without a default fails on NULLs, and passes once they are "
    "filled") {
    testing::PostgresHarness h;
    REQUIRE_MESSAGE(h.conn, h.messages());
    schema::Schema before = base(), after = base();
    column_of(after, "users", "full_name").nullable = false;
    schema::Schema from = h.planner->lower(before, h.diags), to = h.planner->lower(after, h.diags);
    REQUIRE(h.create(from));
    REQUIRE(h.conn->execute(kSeed, h.diags));
    auto up = h.planner->plan(diff::diff(from, to, *h.rules), from, to, h.diags);
    REQUIRE(up.size() == 1);
    CHECK(up[0].comment.find("-- ") == std::string::npos);  // the template adds the "-- "
    CHECK(up[0].comment.find(
              "UPDATE \"users\" SET \"full_name\" = <value> WHERE \"full_name\" IS NULL;") !=
          std::string::npos);
    support::Diagnostics quiet;
    std::swap(quiet, h.diags);
    CHECK_FALSE(h.run(up));  // user 2 has no full name
    std::swap(quiet, h.diags);
    REQUIRE(h.conn->execute(
        "UPDATE \"users\" SET \"full_name\" = 'unknown' WHERE \"full_name\" IS NULL", h.diags));
    CHECK_MESSAGE(h.run(up), h.messages());
    CHECK(h.left_to_do(to).empty());
}

TEST_CASE(
    "postgres round trip: a label added with ADD VALUE is usable after the revision's "
    "transaction") {
    testing::PostgresHarness h;
    REQUIRE_MESSAGE(h.conn, h.messages());
    schema::Schema before = base(), after = base();
    after.enums[0].labels.push_back("refunded");
    schema::Schema from = h.planner->lower(before, h.diags), to = h.planner->lower(after, h.diags);
    REQUIRE(h.create(from));
    REQUIRE(h.conn->execute(kSeed, h.diags));
    auto up = h.planner->plan(diff::diff(from, to, *h.rules), from, to, h.diags);
    REQUIRE(up.size() == 1);
    CHECK(up[0].sql == "ALTER TYPE \"order_status\" ADD VALUE 'refunded' AFTER 'cancelled'");
    // Using the label inside the transaction that added it is what PostgreSQL refuses
    // (the reason the planner rebuilds the type when the revision itself uses it).
    std::vector<codegen::Statement> use_now = up;
    use_now.push_back({.sql = "UPDATE orders SET status = 'refunded' WHERE id = 9"});
    support::Diagnostics quiet;
    std::swap(quiet, h.diags);
    CHECK_FALSE(h.run(use_now));
    std::swap(quiet, h.diags);
    REQUIRE_MESSAGE(h.run(up), h.messages());
    CHECK_MESSAGE(h.run({{.sql = "UPDATE orders SET status = 'refunded' WHERE id = 9"}}),
                  h.messages());
    CHECK(h.rows("SELECT status FROM orders WHERE id = 9") == std::vector<std::string>{"refunded"});
}

// Found by the property test: retyping a collated text column to a type without
// collations (bigint) planned `TYPE BIGINT COLLATE "default"`, which PostgreSQL refuses;
// and retyping a collated column to a shorter VARCHAR lost its collation (TYPE without
// COLLATE resets it).
TEST_CASE("postgres round trip: collated text columns retyped") {
    schema::Column code{.name = "code",
                        .type = {.logical = schema::Logical::Text, .length = 200},
                        .collation = "C"};
    schema::Column after_column = code;
    std::string sum;
    SUBCASE("to bigint: the collation goes") {
        after_column = schema::Column{.name = "code", .type = {.logical = schema::Logical::BigInt}};
        sum = "SELECT sum(code::bigint) FROM codes";
    }
    SUBCASE("to a shorter VARCHAR: the collation stays") {
        after_column.type.length = 40;
        sum = "SELECT sum(code::text::bigint) FROM codes";
    }
    testing::PostgresHarness h;
    REQUIRE_MESSAGE(h.conn, h.messages());
    schema::Schema before;
    before.tables.push_back(schema::Table{.name = "codes", .columns = {code}});
    schema::Schema after = before;
    after.tables[0].columns[0] = after_column;
    std::string errors;
    schema::Schema want_before = testing::materialize_postgres(before, errors),
                   want_after = testing::materialize_postgres(after, errors);
    REQUIRE_MESSAGE(errors.empty(), errors);
    REQUIRE(h.create(want_before));
    REQUIRE(h.conn->execute("INSERT INTO codes VALUES ('42'), ('7')", h.diags));
    auto ops = diff::diff(want_before, want_after, *h.rules);
    auto up = h.planner->plan(ops, want_before, want_after, h.diags);
    INFO("upgrade:\n" << sql_text(up));
    REQUIRE_MESSAGE(h.run(up), h.messages());
    CHECK(h.left_to_do(want_after).empty());
    CHECK(h.rows(sum) == std::vector<std::string>{"49"});
    auto down = h.planner->plan(schema::reverse(ops), want_after, want_before, h.diags);
    INFO("downgrade:\n" << sql_text(down));
    REQUIRE_MESSAGE(h.run(down), h.messages());
    CHECK(h.left_to_do(want_before).empty());
}

// Database-side properties the annotations cannot ask for: a DEFERRABLE foreign key and a
// GIN index made by hand are read, shown as differences from a schema without them, and
// planned back and forth.
TEST_CASE("postgres round trip: DEFERRABLE foreign keys and index methods") {
    schema::Column id{
        .name = "id", .type = {.logical = schema::Logical::BigInt}, .nullable = false};
    schema::Column parent{
        .name = "parent_id", .type = {.logical = schema::Logical::BigInt}, .nullable = true};
    schema::Table nodes{.name = "nodes",
                        .columns = {id, parent},
                        .primary_key = schema::PrimaryKey{.columns = {"id"}}};
    nodes.foreign_keys = {{.name = "fk_nodes_parent",
                           .columns = {"parent_id"},
                           .ref_table = "nodes",
                           .ref_columns = {"id"}}};
    nodes.indexes = {{.name = "ix_nodes_parent", .columns = {"parent_id"}}};
    schema::Schema before;
    before.tables.push_back(nodes);
    schema::Schema after = before;
    after.tables[0].foreign_keys[0].deferrable = true;
    after.tables[0].foreign_keys[0].initially_deferred = true;
    after.tables[0].indexes[0].method = "hash";

    testing::PostgresHarness h;
    REQUIRE_MESSAGE(h.conn, h.messages());
    std::string errors;
    schema::Schema want_before = testing::materialize_postgres(before, errors),
                   want_after = testing::materialize_postgres(after, errors);
    REQUIRE_MESSAGE(errors.empty(), errors);
    REQUIRE(want_after.tables[0].foreign_keys.at(0).deferrable);
    REQUIRE(want_after.tables[0].indexes.at(0).method == "hash");
    REQUIRE(h.create(want_before));
    auto ops = diff::diff(want_before, want_after, *h.rules);
    CHECK(ops.size() == 4);  // the key and the index are each dropped and added again
    auto up = h.planner->plan(ops, want_before, want_after, h.diags);
    INFO("upgrade:\n" << sql_text(up));
    REQUIRE_MESSAGE(h.run(up), h.messages());
    CHECK(h.left_to_do(want_after).empty());
    // Deferred: a row may name a parent inserted later in the same transaction.
    CHECK_MESSAGE(h.run({{.sql = "INSERT INTO nodes VALUES (2, 1)"},
                         {.sql = "INSERT INTO nodes VALUES (1, NULL)"}}),
                  h.messages());
    auto down = h.planner->plan(schema::reverse(ops), want_after, want_before, h.diags);
    INFO("downgrade:\n" << sql_text(down));
    REQUIRE_MESSAGE(h.run(down), h.messages());
    CHECK(h.left_to_do(want_before).empty());
}
