// PostgreSQL lowering: names longer than PostgreSQL keeps are refused, where they are made.
#include "codegen/postgres_lowering.hpp"

#include <doctest/doctest.h>

using namespace autogen;

TEST_CASE("postgres lowering: a constraint name over 63 bytes is an error at its annotation") {
    schema::Table t;
    t.name = "orders";
    t.location = {"models/order.hpp", 3, 8};
    schema::Column id;
    id.name = "id";
    id.type.logical = schema::Logical::BigInt;
    t.columns = {id};
    t.primary_key = schema::PrimaryKey{std::string(63, 'p'), {"id"}};  // 63 bytes: fine
    t.uniques = {{std::string(64, 'u'), {"id"}, {"models/order.hpp", 5, 20}}};
    schema::Schema s{{t}, {}};
    support::Diagnostics diags;
    codegen::postgres::lower(s, diags);
    REQUIRE(diags.error_count() == 1);
    const auto& d = diags.items()[0];
    CHECK(d.message ==
          "unique constraint name \"" + std::string(64, 'u') +
              "\" of table \"orders\" is 64 bytes; PostgreSQL keeps 63 and would cut it");
    CHECK(d.location.line == 5);
    CHECK(d.hint.find("[models] naming") != std::string::npos);
}
