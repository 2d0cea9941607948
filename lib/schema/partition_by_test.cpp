// normalised_partition_by(): the models' PARTITION BY spaced as pg_get_partkeydef reads it.
#include "schema/partition_by.hpp"

#include <doctest/doctest.h>

using autogen::schema::normalised_partition_by;

TEST_CASE("partition_by: normalised as pg_get_partkeydef writes it") {
    std::string error;
    CHECK(normalised_partition_by("RANGE (logdate)", error) == "RANGE (logdate)");
    CHECK(normalised_partition_by("  range(logdate) ", error) == "RANGE (logdate)");
    CHECK(normalised_partition_by("List ( region )", error) == "LIST (region)");
    CHECK(normalised_partition_by("HASH (a,b)", error) == "HASH (a, b)");
    CHECK(normalised_partition_by("RANGE (a ,  lower(b))", error) == "RANGE (a, lower(b))");
    CHECK(error.empty());
}

TEST_CASE("partition_by: a strategy and a parenthesised key, or an error") {
    for (const char* bad : {"", "TREE (a)", "RANGE a", "RANGE ()", "LIST (a"}) {
        CAPTURE(bad);
        std::string error;
        CHECK(normalised_partition_by(bad, error).empty());
        CHECK_FALSE(error.empty());
    }
}
