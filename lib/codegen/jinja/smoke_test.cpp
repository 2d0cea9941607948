// Quick end-to-end checks of the Environment API (the conformance cases are in
// conformance_test.cpp).
#include <doctest/doctest.h>

#include "codegen/jinja/environment.hpp"

using autogen::codegen::jinja::Environment;
using autogen::codegen::jinja::Value;

TEST_CASE("render_string renders a variable") {
    Environment env({});
    autogen::support::Diagnostics diags;
    auto out = env.render_string("Hello {{ name }}!\n", "t.j2", Value{{"name", "world"}}, diags);
    REQUIRE(out);
    CHECK(*out == "Hello world!");
}
