#include "introspect/inspector.hpp"

#include <doctest/doctest.h>

using autogen::introspect::glob_match;

TEST_CASE("glob_match") {
    CHECK(glob_match("legacy_*", "legacy_users"));
    CHECK(glob_match("legacy_*", "legacy_"));
    CHECK_FALSE(glob_match("legacy_*", "users"));
    CHECK(glob_match("*", ""));
    CHECK(glob_match("a?c", "abc"));
    CHECK_FALSE(glob_match("a?c", "ac"));
    CHECK(glob_match("*_tmp_*", "x_tmp_y"));
    CHECK(glob_match("users", "users"));
    CHECK_FALSE(glob_match("users", "users2"));
}
