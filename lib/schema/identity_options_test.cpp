// Identity sequence options and standalone sequences' facts: PostgreSQL's defaults per
// type and direction, and the clauses that change them.
#include "schema/identity_options.hpp"

#include <doctest/doctest.h>

#include "schema/schema.hpp"
#include "schema/sequence.hpp"

using namespace autogen::schema;

TEST_CASE("identity options: PostgreSQL's defaults follow the type and the direction") {
    const auto up = effective_identity_options({}, ColumnType{.logical = Logical::Integer});
    CHECK(*up.start == 1);
    CHECK(*up.minvalue == 1);
    CHECK(*up.maxvalue == 2147483647);
    CHECK(*up.cache == 1);
    CHECK_FALSE(*up.cycle);
    const auto down = effective_identity_options({.increment = -1}, ColumnType{.sql = "smallint"});
    CHECK(*down.maxvalue == -1);
    CHECK(*down.minvalue == -32768);
    CHECK(*down.start == -1);
    // a database's reading keeps only what is not a default
    const IdentityOptions read{.start = 1000,
                               .increment = 10,
                               .minvalue = 1,
                               .maxvalue = 9223372036854775807,
                               .cache = 1,
                               .cycle = false};
    CHECK(without_defaults(read, ColumnType{.sql = "bigint"}) ==
          IdentityOptions{.start = 1000, .increment = 10});
}

TEST_CASE("identity options: the clauses that change them in place, both ways") {
    const ColumnType t{.sql = "bigint"};
    const IdentityOptions db{.start = 1000, .increment = 10};
    const IdentityOptions model{.start = 1000, .increment = 5, .cache = 20};
    CHECK(identity_set_clauses(db, model, t) ==
          std::vector<std::string>{"SET INCREMENT BY 5", "SET CACHE 20"});
    // the downgrade: every option back, never RESTART
    CHECK(identity_set_clauses(model, db, t) ==
          std::vector<std::string>{"SET INCREMENT BY 10", "SET CACHE 1"});
    CHECK(describe_identity_change(db, model, t) == "increment 10 -> 5, cache 1 -> 20");
    // an option left out is its default: a cycle left out is NO CYCLE
    CHECK(identity_set_clauses({.cycle = true}, {}, t) == std::vector<std::string>{"SET NO CYCLE"});
    CHECK(identity_set_clauses({.minvalue = 1}, {}, t).empty());
    CHECK(identity_options_sql({.start = 5, .cycle = true}) == "START WITH 5 CYCLE");
    CHECK(identity_option_args({.start = 5, .cache = 2, .cycle = true}) ==
          std::vector<std::string>{"identity_start = 5", "identity_cache = 2", "identity_cycle"});
}

TEST_CASE("sequence facts: a file's statement and a catalog's reading agree") {
    SqlObject declared{.kind = ObjectKind::Sequence, .name = "n"};
    set_sequence_facts(declared, {.type = "integer", .options = {.increment = 5}});
    SqlObject read{.kind = ObjectKind::Sequence, .name = "n"};
    set_sequence_facts(read, {.type = "integer",
                              .options = {.start = 1,
                                          .increment = 5,
                                          .minvalue = 1,
                                          .maxvalue = 2147483647,
                                          .cache = 1,
                                          .cycle = false}});
    CHECK(declared.definition == read.definition);
    const auto facts = sequence_facts(read);
    REQUIRE(facts);
    CHECK(facts->type == "integer");
    CHECK(*facts->options.increment == 5);
    CHECK(sequence_type("INT4") == std::optional<std::string>("integer"));
    CHECK_FALSE(sequence_type("numeric"));
    SequenceFacts wider = *facts;
    wider.type = "bigint";
    wider.options.maxvalue = 9223372036854775807;
    CHECK(describe_sequence_change(*facts, wider) ==
          "type integer -> bigint, maxvalue 2147483647 -> 9223372036854775807");
}
