// Unit tests of the Python-semantics helpers: float repr, str/repr of data, truth,
// equality across int/float/bool, ordering errors, arithmetic corner cases.
#include "jinja/value.hpp"

#include <doctest/doctest.h>

#include <cmath>

#include "jinja/error.hpp"

using namespace autogen::codegen::jinja;

TEST_CASE("float_repr prints floats as Python's repr") {
    CHECK(float_repr(1.0) == "1.0");
    CHECK(float_repr(0.1) == "0.1");
    CHECK(float_repr(0.1 + 0.2) == "0.30000000000000004");
    CHECK(float_repr(1e16) == "1e+16");
    CHECK(float_repr(1e15) == "1000000000000000.0");
    CHECK(float_repr(0.0001) == "0.0001");
    CHECK(float_repr(0.00001) == "1e-05");
    CHECK(float_repr(-2.5e-300) == "-2.5e-300");
    CHECK(float_repr(-0.0) == "-0.0");
    CHECK(float_repr(std::nan("")) == "nan");
    CHECK(float_repr(-INFINITY) == "-inf");
    CHECK(float_repr(123456789.125) == "123456789.125");
}

TEST_CASE("str and repr of data follow Python") {
    CHECK(to_str(Val(Json(true))) == "True");
    CHECK(to_str(Val(Json(nullptr))) == "None");
    CHECK(to_str(Val(Json("x"))) == "x");
    CHECK(repr(Json::parse(R"(["a", 1, 2.0, null, {"k": false}])")) ==
          "['a', 1, 2.0, None, {'k': False}]");
    CHECK(repr(Json("it's")) == "\"it's\"");
    CHECK(repr(Json("both ' and \"")) == "'both \\' and \"'");
    CHECK(repr(Json("tab\there\n")) == "'tab\\there\\n'");
    CHECK(to_str(Val::undefined("x", false)).empty());
    CHECK_THROWS_AS(to_str(Val::undefined("'x' is undefined", true)), ValueError);
}

TEST_CASE("truth, equality and ordering") {
    CHECK_FALSE(truthy(Val(Json(""))));
    CHECK(truthy(Val(Json(" "))));
    CHECK_FALSE(truthy(Val(Json::array())));
    CHECK_FALSE(truthy(Val(Json(0.0))));
    CHECK(equals(Val(Json(1)), Val(Json(1.0))));
    CHECK(equals(Val(Json(true)), Val(Json(1))));
    CHECK_FALSE(equals(Val(Json("1")), Val(Json(1))));
    CHECK(equals(Val(Json::parse(R"({"a": 1, "b": 2})")), Val(Json::parse(R"({"b": 2, "a": 1})"))));
    CHECK(equals(Val::undefined("a", false), Val::undefined("b", false)));
    CHECK(less(Val(Json("B")), Val(Json("a"))));
    CHECK_THROWS_AS(less(Val(Json(1)), Val(Json("a"))), ValueError);
    CHECK(contains(Val(Json("abc")), Val(Json("bc"))));
    CHECK_THROWS_AS(contains(Val(Json("abc")), Val(Json(1))), ValueError);
}

TEST_CASE("arithmetic has Python's floor division, modulo and errors") {
    CHECK(arithmetic("//", Val(Json(-7)), Val(Json(2))).json == -4);
    CHECK(arithmetic("%", Val(Json(-7)), Val(Json(3))).json == 2);
    CHECK(arithmetic("%", Val(Json(7)), Val(Json(-3))).json == -2);
    CHECK(arithmetic("/", Val(Json(6)), Val(Json(3))).json.is_number_float());
    CHECK(arithmetic("**", Val(Json(2)), Val(Json(-1))).json == 0.5);
    CHECK(arithmetic("**", Val(Json(-1)), Val(Json(3))).json == -1);
    CHECK(arithmetic("*", Val(Json("ab")), Val(Json(2))).json == "abab");
    CHECK_THROWS_AS(arithmetic("/", Val(Json(1)), Val(Json(0))), ValueError);
    CHECK_THROWS_AS(arithmetic("+", Val(Json(INT64_MAX)), Val(Json(1))), ValueError);
    CHECK_THROWS_AS(arithmetic("+", Val(Json("a")), Val(Json(1))), ValueError);
    CHECK_THROWS_AS(arithmetic("+", Val::undefined("'x' is undefined", false), Val(Json(1))),
                    ValueError);
}

TEST_CASE("an undefined survives a round trip through a list") {
    Val u = Val::undefined("'x' is undefined", true);
    Val back(u.to_marker());
    CHECK(back.is_undefined());
    CHECK(back.strict);
    CHECK(back.undefined_hint == "'x' is undefined");
    CHECK(repr(Json::array({u.to_marker(), 1})) == "[Undefined, 1]");
}

TEST_CASE("deeply nested data is an error, not a stack overflow") {
    Json deep = Json::array();
    for (int i = 0; i < 2000; ++i) deep = Json::array({std::move(deep)});
    CHECK_THROWS_AS(repr(deep), ValueError);
    CHECK_THROWS_AS(equals(Val(deep), Val(deep)), ValueError);
    Json shallow = Json::parse("[[[[1]]]]");
    CHECK(repr(shallow) == "[[[[1]]]]");
}

TEST_CASE("numbers beyond 64 bits are errors, not undefined behaviour") {
    CHECK_THROWS_AS(truncate_to_int(1e100), ValueError);
    CHECK_THROWS_AS(truncate_to_int(std::nan("")), ValueError);
    CHECK(truncate_to_int(-3.9) == -3);
    CHECK_THROWS_AS(as_int(Val(Json(std::uint64_t{18446744073709551615u}))), ValueError);
    CHECK(as_int(Val(Json(std::uint64_t{42}))) == 42);
}
