#include <doctest/doctest.h>

#include "support/text.hpp"

TEST_CASE("join") {
    using autogen::support::join;
    CHECK(join({}) == "");
    CHECK(join({"a"}) == "a");
    CHECK(join({"a", "b", "c"}) == "a, b, c");
    CHECK(join({"a", "b"}, "|") == "a|b");
}

TEST_CASE("edit_distance and closest") {
    using autogen::support::closest;
    using autogen::support::edit_distance;
    CHECK(edit_distance("", "") == 0);
    CHECK(edit_distance("upgarde", "upgrade") == 2);
    CHECK(edit_distance("kitten", "sitting") == 3);
    CHECK(closest("upgarde", {"downgrade", "upgrade", "init"}) == "upgrade");
    CHECK(closest("--mesage", {"--empty", "--message"}) == "--message");
    CHECK(closest("frobnicate", {"upgrade", "init"}) == "");
    CHECK(closest("x", {"-m", "-q"}) == "");  // too short to be a typo of anything
}
