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

TEST_CASE(
    "postgres lowering: SQLite's table options are left out, STRICT and WITHOUT ROWID "
    "with a warning") {
    schema::Table t{.name = "t"};
    t.columns = {{.name = "id", .type = {.logical = schema::Logical::BigInt}, .identity = true}};
    t.primary_key = schema::PrimaryKey{"", {"id"}};
    t.options = {.strict = true, .without_rowid = true, .autoincrement = true, .unlogged = true};
    support::Diagnostics diags;
    auto lowered = codegen::postgres::lower({{t}, {}}, diags);
    CHECK(lowered.tables.at(0).options == schema::TableOptions{.unlogged = true});
    CHECK_FALSE(diags.has_errors());
    REQUIRE(diags.items().size() == 2);
    CHECK(diags.items()[0].message.find("is STRICT, a SQLite table option") != std::string::npos);
    CHECK(diags.items()[1].message.find("is WITHOUT ROWID") != std::string::npos);
}
