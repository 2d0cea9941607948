// The PostgreSQL impact counter on the test server: narrowing predicates (values that
// do not fit a shorter string, a smaller integer, a bounded numeric), rows holding an
// enum label, and estimates from the statistics for large tables.
#include "introspect/postgres_impact.hpp"

#include <doctest/doctest.h>

#include "tests/support/postgres_test_server.hpp"

using namespace autogen;
using introspect::RowQuestionKind;

namespace {

schema::Column typed(const std::string& name, const std::string& type) {
    schema::Column c;
    c.name = name;
    c.type.sql = type;
    return c;
}

}  // namespace

TEST_CASE("postgres impact: counts on a real database") {
    test::PostgresTestDatabase database;
    support::Diagnostics diags;
    auto conn = database.connect(diags);
    REQUIRE(conn);
    REQUIRE(
        conn->execute("CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');"
                      "CREATE TABLE t (id integer PRIMARY KEY, code varchar(20), score bigint, "
                      "  amount numeric(10,2), txt text, m mood);"
                      "INSERT INTO t VALUES (1, 'abcdefghij', 100000, 12345.67, '12', 'sad'),"
                      " (2, 'abc', 5, 1.5, 'x', 'ok'), (3, NULL, NULL, NULL, NULL, 'sad')",
                      diags));
    auto counter = introspect::make_postgres_impact_counter();
    const schema::TableRef t{"", "t"};
    auto count = [&](introspect::RowQuestion q) {
        auto n = counter->count(*conn, q, diags);
        REQUIRE_MESSAGE(n, (diags.items().empty() ? "" : diags.items().front().message));
        return *n;
    };
    auto narrowing = [&](const std::string& column, const std::string& from,
                         const std::string& to) {
        auto effect = counter->type_change(typed(column, from), typed(column, to));
        CHECK(effect.narrows);
        CHECK(effect.refuses);
        return count({.kind = RowQuestionKind::NotFitting,
                      .table = t,
                      .columns = {column},
                      .from = typed(column, from),
                      .to = typed(column, to)})
            .rows;
    };
    CHECK(narrowing("code", "character varying(20)", "character varying(5)") == 1);
    CHECK(narrowing("score", "bigint", "smallint") == 1);
    CHECK(narrowing("amount", "numeric(10,2)", "numeric(5,2)") == 1);
    CHECK(narrowing("txt", "text", "integer") == 1);  // 'x' is no number
    CHECK_FALSE(counter->type_change(typed("score", "integer"), typed("score", "bigint")).narrows);

    CHECK(count({.kind = RowQuestionKind::Holding, .table = t, .columns = {"m"}, .values = {"sad"}})
              .rows == 2);
    schema::Enum mood{.name = "mood", .labels = {"sad", "ok", "happy"}};
    CHECK(counter->uses_enum(typed("m", "mood"), mood));

    // Small or never analysed tables are counted; with statistics above the limit, estimated.
    auto all = count({.kind = RowQuestionKind::AllRows, .table = t});
    CHECK(all.rows == 3);
    CHECK_FALSE(all.estimated);
    REQUIRE(conn->execute("ANALYZE t", diags));
    auto estimating = introspect::make_postgres_impact_counter(/*exact_limit=*/1);
    auto estimate = estimating->count(*conn, {.kind = RowQuestionKind::AllRows, .table = t}, diags);
    REQUIRE(estimate);
    CHECK(estimate->estimated);
    CHECK(estimate->rows == 3);
    auto values = estimating->count(
        *conn, {.kind = RowQuestionKind::NonNull, .table = t, .columns = {"code"}}, diags);
    REQUIRE(values);
    CHECK(values->estimated);
    CHECK(values->rows == 2);
}
