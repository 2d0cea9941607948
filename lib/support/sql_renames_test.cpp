#include "support/sql_renames.hpp"

#include <doctest/doctest.h>

using autogen::support::with_names_renamed;

TEST_CASE("with_names_renamed replaces names, quoted, and keeps the rest as written") {
    CHECK(with_names_renamed("price * qty", {{"qty", "quantity"}}) == "price * \"quantity\"");
    // A quoted name matches exactly, an unquoted one in any case (folded).
    CHECK(with_names_renamed("\"Qty\" + QTY", {{"Qty", "n"}, {"qty", "m"}}) == "\"n\" + \"m\"");
    // A view's query after its table's rename: qualified references too; strings kept.
    CHECK(with_names_renamed("SELECT people.id FROM people WHERE note = 'people'",
                             {{"people", "users"}}) ==
          "SELECT \"users\".id FROM \"users\" WHERE note = 'people'");
    // A name holding a quote is written with it doubled; layout over lines is kept.
    CHECK(with_names_renamed("SELECT a\n  FROM \"t\"\"x\"", {{"t\"x", "u"}}) ==
          "SELECT a\n  FROM \"u\"");
    CHECK(with_names_renamed("a + b", {}) == "a + b");
}
