#include <doctest/doctest.h>

#include "support/text.hpp"

TEST_CASE("join") {
    using autogen::support::join;
    CHECK(join({}) == "");
    CHECK(join({"a"}) == "a");
    CHECK(join({"a", "b", "c"}) == "a, b, c");
    CHECK(join({"a", "b"}, "|") == "a|b");
}
