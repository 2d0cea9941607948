// Doc comment cleanup and the small helpers of the table builder.
#include "scan/doc_comment.hpp"

#include <doctest/doctest.h>

#include "scan/table_builder.hpp"

namespace autogen::scan {

TEST_CASE("doc_comment: markers are stripped and lines joined") {
    struct Case {
        const char* raw;
        const char* text;
    };
    const Case cases[] = {
        {"/// People who can sign in.", "People who can sign in."},
        {"/// First line\n/// second line", "First line second line"},
        {"/** Block\n * with stars\n */", "Block with stars"},
        {"/**\n * Only body.\n */", "Only body."},
        {"///< trailing", "trailing"},
        {"//! bang", "bang"},
        {"/*! qt style */", "qt style"},
        {"", ""},
    };
    for (const auto& c : cases) {
        CAPTURE(std::string(c.raw));
        CHECK(doc_comment_text(c.raw) == c.text);
    }
}

TEST_CASE("table_builder: snake_case and column lists") {
    CHECK(snake_case("User") == "user");
    CHECK(snake_case("OrderItem") == "order_item");
    CHECK(snake_case("HTTPRequest") == "http_request");
    CHECK(snake_case("already_snake") == "already_snake");
    CHECK(snake_case("Order2Line") == "order2_line");
    CHECK(split_columns("a, b ,c") == std::vector<std::string>{"a", "b", "c"});
    CHECK(split_columns("(lower(email)), coalesce(x, y)") ==
          std::vector<std::string>{"(lower(email))", "coalesce(x, y)"});
    CHECK(split_columns("  ").empty());
    CHECK(split_columns("a,,b") == std::vector<std::string>{"a", "", "b"});
}

}  // namespace autogen::scan
