// SQLite lowering: a STRICT table's type mapping and the table options SQLite refuses.
#include "codegen/sqlite_lowering.hpp"

#include <doctest/doctest.h>

#include "codegen/sqlite_ddl.hpp"

using namespace autogen;
using schema::Logical;

namespace {

schema::Column column(const std::string& name, Logical logical) {
    return {.name = name, .type = {.logical = logical}};
}

}  // namespace

TEST_CASE("sqlite lowering: every logical type has a spelling a STRICT table allows") {
    for (Logical l : {Logical::Boolean, Logical::SmallInt, Logical::Integer, Logical::BigInt,
                      Logical::Real, Logical::Double, Logical::Text, Logical::Blob,
                      Logical::TimestampTz, Logical::Date, Logical::Enum}) {
        CAPTURE(schema::to_string(l));
        CHECK(codegen::sqlite::strict_allows(codegen::sqlite::strict_type_sql({.logical = l})));
    }
    CHECK(codegen::sqlite::strict_type_sql({.logical = Logical::Text, .length = 40}) == "TEXT");
    // INT, so that a BIGINT key does not become the rowid alias by being made STRICT.
    CHECK(codegen::sqlite::strict_type_sql({.logical = Logical::BigInt}) == "INT");
    CHECK_FALSE(codegen::sqlite::strict_allows("VARCHAR(40)"));
    CHECK(codegen::sqlite::strict_allows(" integer "));
}

TEST_CASE("sqlite lowering: STRICT lowers the mapping, and refuses a type it does not allow") {
    schema::Table t{.name = "items"};
    t.columns = {column("id", Logical::BigInt), column("flag", Logical::Boolean),
                 column("name", Logical::Text)};
    t.columns[2].type.length = 40;
    schema::Column price{.name = "price", .type = {.sql = "NUMERIC(10,2)"}};
    t.columns.push_back(price);
    t.primary_key = schema::PrimaryKey{"", {"id"}};
    t.options.strict = true;
    support::Diagnostics diags;
    auto lowered = codegen::sqlite::lower({{t}, {}}, diags);
    const auto& l = lowered.tables.at(0);
    CHECK(l.columns[0].type.sql == "INT");
    CHECK(l.columns[1].type.sql == "INT");
    CHECK(l.columns[2].type.sql == "TEXT");
    REQUIRE(diags.items().size() == 1);
    CHECK(diags.items()[0].message.find("column \"items\".\"price\" of STRICT table \"items\" is "
                                        "typed NUMERIC(10,2)") != std::string::npos);
}

TEST_CASE("sqlite lowering: PostgreSQL's options and impossible SQLite ones are model errors") {
    schema::Table t{.name = "t"};
    t.columns = {column("n", Logical::Integer)};
    t.options = {.without_rowid = true,
                 .autoincrement = true,
                 .unlogged = true,
                 .storage_parameters = {"fillfactor=70"}};
    support::Diagnostics diags;
    codegen::sqlite::lower({{t}, {}}, diags);
    std::string all;
    for (const auto& d : diags.items()) all += d.message + "\n";
    INFO(all);
    CHECK(diags.items().size() == 4);
    CHECK(all.find("is UNLOGGED, which SQLite tables cannot be") != std::string::npos);
    CHECK(all.find("has storage parameters") != std::string::npos);
    CHECK(all.find("is WITHOUT ROWID but has no primary key") != std::string::npos);
    CHECK(all.find("asks for AUTOINCREMENT") != std::string::npos);
}

TEST_CASE("sqlite lowering: a declared domain is a model error at its statement") {
    schema::Schema s;
    schema::SqlObject year{.kind = schema::ObjectKind::Domain, .name = "year"};
    year.location = {"db/types.sql", 3, 1};
    s.objects = {year};
    s.declares_objects = true;
    support::Diagnostics diags;
    codegen::sqlite::lower(s, diags);
    REQUIRE(diags.error_count() == 1);
    CHECK(diags.items()[0].location.str() == "db/types.sql:3:1");
    CHECK(diags.items()[0].message.find("domain \"year\" cannot be created on SQLite") == 0);
}
