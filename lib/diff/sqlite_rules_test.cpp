// SQLite's answers to the differ's equivalence questions.
#include "diff/sqlite_rules.hpp"

#include <doctest/doctest.h>

using namespace autogen;

TEST_CASE("sqlite rules: types compare case- and whitespace-insensitively") {
    auto rules = diff::make_sqlite_rules();
    auto column = [](std::string sql) {
        return schema::Column{.name = "c", .type = {.sql = std::move(sql)}};
    };
    CHECK(rules->same_type(column("VARCHAR(20)"), column("varchar ( 20 )")));
    CHECK(rules->same_type(column("double   precision"), column("DOUBLE PRECISION")));
    CHECK_FALSE(rules->same_type(column("INTEGER"), column("BIGINT")));
    CHECK_FALSE(rules->same_type(column("VARCHAR(20)"), column("VARCHAR(21)")));
}

TEST_CASE("sqlite rules: defaults") {
    auto rules = diff::make_sqlite_rules();
    using O = std::optional<std::string>;
    CHECK(rules->same_default(O{}, O{}));
    CHECK(rules->same_default(O{}, O{"NULL"}));
    CHECK(rules->same_default(O{"(1 + 2)"}, O{"1+2"}));
    CHECK(rules->same_default(O{"current_timestamp"}, O{"CURRENT_TIMESTAMP"}));
    CHECK(rules->same_default(O{"lower( 'X' )"}, O{"LOWER('X')"}));
    CHECK_FALSE(rules->same_default(O{"'x'"}, O{"'X'"}));
    CHECK_FALSE(rules->same_default(O{"0"}, O{}));
    CHECK_FALSE(rules->same_default(O{"(1) + (2)"}, O{"1) + (2"}));
}

TEST_CASE("sqlite rules: expressions as SQLite rewrites them") {
    auto rules = diff::make_sqlite_rules();
    CHECK(rules->same_expression("total >= 0", "\"total\" >= 0"));  // quoted after RENAME COLUMN
    CHECK(rules->same_expression("(a<b)", "a < b"));
    CHECK(rules->same_expression("\"a b\" > 0", "\"a b\">0"));
    CHECK_FALSE(rules->same_expression("\"a b\" > 0", "a b > 0"));
    CHECK_FALSE(rules->same_expression("a = 'x'", "a = 'X'"));
    CHECK(diff::normalize_sqlite_expression(" x  IN ( 'a' , 'b' ) ") == "X IN('a','b')");
    CHECK(rules->keeps_constraint_names());
    CHECK(rules->keeps_primary_key_name());  // in CREATE TABLE: CONSTRAINT "pk_t" PRIMARY KEY
}
