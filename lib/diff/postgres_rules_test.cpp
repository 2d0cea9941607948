// PostgreSQL's answers to the differ's equivalence questions. The spellings on the
// right are what PostgreSQL 15's format_type / pg_get_expr / pg_get_constraintdef
// print for the model spellings on the left.
#include "diff/postgres_rules.hpp"

#include <doctest/doctest.h>

using namespace autogen;

namespace {
schema::Column column(std::string sql) {
    return schema::Column{.name = "c", .type = {.sql = std::move(sql)}};
}
}  // namespace

TEST_CASE("postgres rules: type aliases are one type") {
    auto rules = diff::make_postgres_rules();
    CHECK(rules->same_type(column("int4"), column("integer")));
    CHECK(rules->same_type(column("INT"), column("integer")));
    CHECK(rules->same_type(column("int8"), column("BIGINT")));
    CHECK(rules->same_type(column("SMALLINT"), column("int2")));
    CHECK(rules->same_type(column("bool"), column("boolean")));
    CHECK(rules->same_type(column("float8"), column("DOUBLE  PRECISION")));
    CHECK(rules->same_type(column("float(10)"), column("real")));
    CHECK(rules->same_type(column("VARCHAR(20)"), column("character varying(20)")));
    CHECK(rules->same_type(column("varchar( 20 )"), column("character varying(20)")));
    CHECK(rules->same_type(column("TIMESTAMPTZ"), column("timestamp with time zone")));
    CHECK(rules->same_type(column("TIMESTAMP WITH TIME ZONE"), column("timestamp with time zone")));
    CHECK(rules->same_type(column("timestamp"), column("timestamp without time zone")));
    CHECK(rules->same_type(column("timestamptz(3)"), column("timestamp(3) with time zone")));
    CHECK(rules->same_type(column("DECIMAL(12, 2)"), column("numeric(12,2)")));
    CHECK(rules->same_type(column("\"order_status\""), column("order_status")));
    CHECK(rules->same_type(column("\"public\".\"order_status\""), column("order_status")));
    CHECK(rules->same_type(column("\"sales\".\"order_status\""), column("sales.order_status")));
    CHECK(rules->same_type(column("_int4"), column("integer[]")));
    CHECK(rules->same_type(column("INT[]"), column("integer[]")));
    CHECK(rules->same_type(column("serial"), column("integer")));

    CHECK_FALSE(rules->same_type(column("integer"), column("bigint")));
    CHECK_FALSE(rules->same_type(column("varchar(20)"), column("varchar(21)")));
    CHECK_FALSE(rules->same_type(column("varchar(20)"), column("text")));
    CHECK_FALSE(rules->same_type(column("timestamp"), column("timestamptz")));
    CHECK_FALSE(rules->same_type(column("\"Order\""), column("order")));
    CHECK_FALSE(rules->same_type(column("sales.order_status"), column("order_status")));
    CHECK_FALSE(rules->same_type(column("integer[]"), column("integer")));
    CHECK(diff::canonical_postgres_type("Character Varying (255)") == "character varying(255)");
    CHECK(diff::canonical_postgres_type("TIMESTAMPTZ(6)") == "timestamp(6) with time zone");
}

TEST_CASE("postgres rules: defaults as PostgreSQL stores them") {
    auto rules = diff::make_postgres_rules();
    using O = std::optional<std::string>;
    CHECK(rules->same_default(O{}, O{}));
    CHECK(rules->same_default(O{}, O{"NULL"}));
    CHECK(rules->same_default(O{}, O{"NULL::character varying"}));
    CHECK(rules->same_default(O{"'x'"}, O{"'x'::character varying"}));
    CHECK(rules->same_default(O{"'x'"}, O{"'x'::text"}));
    CHECK(rules->same_default(O{"-1"}, O{"'-1'::integer"}));
    CHECK(rules->same_default(O{"(-1)"}, O{"'-1'::integer"}));
    CHECK(rules->same_default(O{"now()"}, O{"CURRENT_TIMESTAMP"}));
    CHECK(rules->same_default(O{"NOW( )"}, O{"CURRENT_TIMESTAMP"}));
    CHECK(rules->same_default(O{"'pending'"}, O{"'pending'::order_status"}));
    CHECK(
        rules->same_default(O{"'pending'::\"order_status\""}, O{"'pending'::public.order_status"}));
    CHECK(rules->same_default(O{"'2020-01-01'"}, O{"'2020-01-01'::date"}));
    CHECK(rules->same_default(O{"TRUE"}, O{"true"}));
    CHECK(rules->same_default(O{"(1 + 2)"}, O{"1+2"}));
    CHECK(rules->same_default(O{"1.5"}, O{"1.5"}));

    CHECK_FALSE(rules->same_default(O{"'x'"}, O{"'X'"}));
    CHECK_FALSE(rules->same_default(O{"0"}, O{}));
    CHECK_FALSE(
        rules->same_default(O{"1"}, O{"'1'"}));  // a string is not a number unless cast to one
    CHECK_FALSE(rules->same_default(O{"'-1'::text"}, O{"-1"}));
    CHECK_FALSE(rules->same_default(O{"statement_timestamp()"}, O{"CURRENT_TIMESTAMP"}));
    CHECK_FALSE(rules->same_default(O{"(1) + (2)"}, O{"1) + (2"}));
}

TEST_CASE("postgres rules: expressions as pg_get_expr and pg_get_constraintdef print them") {
    auto rules = diff::make_postgres_rules();
    CHECK(rules->same_expression("total_cents >= 0", "(total_cents >= 0)"));
    CHECK(rules->same_expression("total_cents >= 0", "((total_cents >= 0))"));
    CHECK(rules->same_expression("\"total_cents\" >= 0", "total_cents >= 0"));
    CHECK(rules->same_expression("email LIKE '%@%'", "((email)::text ~~ '%@%'::text)"));
    CHECK(rules->same_expression("email NOT LIKE '%@%'", "((email)::text !~~ '%@%'::text)"));
    CHECK(rules->same_expression("a != b", "(a <> b)"));
    CHECK(rules->same_expression("b >= 0 OR f > 2", "((b >= 0) OR (f > (2)::numeric))"));
    CHECK(rules->same_expression("(lower(email))", "lower((email)::text)"));
    CHECK(rules->same_expression("status = 'paid'", "(status = 'paid'::order_status)"));
    CHECK(rules->same_expression("b=-1", "(b = '-1'::integer)"));
    CHECK(rules->same_expression("x IS NOT NULL", "(x IS NOT NULL)"));
    CHECK(rules->same_expression("NOT (a = b)", "(NOT (a = b))"));
    CHECK(
        rules->same_expression("a > 0 AND (b > 0 OR c > 0)", "((a > 0) AND ((b > 0) OR (c > 0)))"));
    CHECK(rules->same_expression("", ""));

    CHECK_FALSE(rules->same_expression("a > b", "b > a"));
    CHECK_FALSE(
        rules->same_expression("\"A\" > 0", "a > 0"));  // quoted identifiers keep their case
    CHECK_FALSE(rules->same_expression("a = 'x'", "a = 'X'"));
    CHECK_FALSE(rules->same_expression("lower(a)", "upper(a)"));
    CHECK_FALSE(rules->same_expression("(a + b) * c", "a + b * c"));
    CHECK_FALSE(rules->same_expression("x", ""));
    CHECK_FALSE(rules->same_expression("(a OR b) AND c", "a OR b AND c"));
    CHECK(diff::normalize_postgres_expression("((email)::text ~~ '%@%'::text)") ==
          "email like '%@%'");
    CHECK(diff::normalize_postgres_expression("lower((name)::text)") == "lower(name)");
}

TEST_CASE("postgres rules: names") {
    auto rules = diff::make_postgres_rules();
    CHECK(rules->keeps_constraint_names());
    CHECK(rules->keeps_primary_key_name());
}
