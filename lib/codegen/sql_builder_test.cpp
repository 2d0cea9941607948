// The quoting builder: identifiers and literals can never leave their place.
#include "codegen/sql_builder.hpp"

#include <doctest/doctest.h>

using namespace autogen::codegen;
using autogen::schema::ReferentialAction;

TEST_CASE("sql builder: quoting") {
    CHECK(quote_identifier("users") == "\"users\"");
    CHECK(quote_identifier("we\"ird") == "\"we\"\"ird\"");
    CHECK(quote_identifier("") == "\"\"");
    CHECK(qualified_name("", "t") == "\"t\"");
    CHECK(qualified_name("app", "t") == "\"app\".\"t\"");
    CHECK(string_literal("it's") == "'it''s'");
    CHECK(column_list({"a", "b c"}) == "\"a\", \"b c\"");
    CHECK(index_item_list({"a", "(lower(b))"}) == "\"a\", (lower(b))");
}

TEST_CASE("sql builder: referential actions") {
    autogen::schema::ForeignKey fk;
    CHECK(referential_actions_clause(fk).empty());
    fk.on_delete = ReferentialAction::Cascade;
    fk.on_update = ReferentialAction::SetNull;
    CHECK(referential_actions_clause(fk) == " ON DELETE CASCADE ON UPDATE SET NULL");
    CHECK(referential_action_sql(ReferentialAction::SetDefault) == "SET DEFAULT");
    CHECK(referential_action_sql(ReferentialAction::Restrict) == "RESTRICT");
}

TEST_CASE("sql builder: self-contained expressions") {
    CHECK(is_self_contained_sql("lower('a;b') || \"x--y\""));
    CHECK(is_self_contained_sql("(1 + (2))"));
    CHECK_FALSE(is_self_contained_sql("1); DROP TABLE users"));
    CHECK_FALSE(is_self_contained_sql("1 -- comment"));
    CHECK_FALSE(is_self_contained_sql("'unterminated"));
    CHECK_FALSE(is_self_contained_sql("(1"));
    CHECK_FALSE(is_self_contained_sql("1 /* x */"));
}
