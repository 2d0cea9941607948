// C++ spellings of SQL names for `autogen pull`: every answer is a valid identifier.
#include "codegen/cpp_names.hpp"

#include <doctest/doctest.h>

using namespace autogen::codegen;

TEST_CASE("cpp names: identifiers") {
    CHECK(is_plain_cpp_identifier("user_id"));
    CHECK(is_plain_cpp_identifier("order"));  // a SQL keyword, not a C++ one
    CHECK_FALSE(is_plain_cpp_identifier("class"));
    CHECK_FALSE(is_plain_cpp_identifier("2fa"));
    CHECK(cpp_identifier("email") == "email");
    CHECK(cpp_identifier("class") == "class_");
    CHECK(cpp_identifier("and") == "and_");
    CHECK(cpp_identifier("std") == "std_");
    CHECK(cpp_identifier("2fa") == "_2fa");
    CHECK(cpp_identifier("my col") == "my_col");
    CHECK(cpp_identifier("größe") == "gr_e");
    CHECK(cpp_identifier("__x") == "_x");
    CHECK(cpp_identifier("_Cap") == "Cap");
    CHECK(cpp_identifier("") == "column");
    CHECK(cpp_identifier("日本") == "column");
    CHECK(cpp_identifier("a--b") == "a_b");
}

TEST_CASE("cpp names: struct names, clashes, literals, files") {
    CHECK(pascal_case_identifier("order_items") == "OrderItems");
    CHECK(pascal_case_identifier("2fa codes") == "T2faCodes");
    CHECK(pascal_case_identifier("___") == "Table");
    std::set<std::string> used;
    CHECK(unique_name("Users", used) == "Users");
    CHECK(unique_name("Users", used) == "Users_2");
    CHECK(unique_name("Users", used) == "Users_3");
    CHECK(c_string_literal("a \"b\" \\ c") == "\"a \\\"b\\\" \\\\ c\"");
    CHECK(c_string_literal("l1\nl2") == "\"l1\\012l2\"");
    CHECK(c_string_literal("größe?") == "\"größe\\?\"");
    CHECK(file_stem("shop.lines") == "shop_lines");
    CHECK(file_stem("a/b") == "a_b");
    CHECK(file_stem("") == "_");
}
