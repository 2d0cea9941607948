// End-to-end checks of the Environment API beyond the conformance cases: the search
// path order, a project template extending the built-in one of the same name (an
// extension: plain Jinja would recurse forever), and the shape of diagnostics.
#include <doctest/doctest.h>

#include "jinja/environment.hpp"
#include "tests/support/temp_dir.hpp"

using autogen::codegen::jinja::Environment;
using autogen::codegen::jinja::Options;
using autogen::codegen::jinja::Value;

TEST_CASE("render_string renders a variable") {
    Environment env({});
    autogen::support::Diagnostics diags;
    auto out = env.render_string("Hello {{ name }}!\n", "t.j2", Value{{"name", "world"}}, diags);
    REQUIRE(out);
    CHECK(*out == "Hello world!");
    CHECK(diags.items().empty());
}

TEST_CASE("the first folder of the search path wins") {
    autogen::testing::TempDir tmp;
    tmp.write("project/a.j2", "project {% include 'b.j2' %}");
    tmp.write("builtin/a.j2", "builtin");
    tmp.write("builtin/b.j2", "b from builtin");
    Environment env({tmp.path() / "project", tmp.path() / "builtin"});
    autogen::support::Diagnostics diags;
    auto out = env.render("a.j2", Value::object(), diags);
    REQUIRE(out);
    CHECK(*out == "project b from builtin");
}

TEST_CASE("a project template may extend the built-in template of the same name") {
    autogen::testing::TempDir tmp;
    tmp.write(
        "project/revision.sql.j2",
        "{% extends 'revision.sql.j2' %}{% block header %}-- custom {{ super() }}{% endblock %}");
    tmp.write("builtin/revision.sql.j2", "{% block header %}-- header{% endblock %}\nbody\n");
    Options opt;
    opt.keep_trailing_newline = true;
    Environment env({tmp.path() / "project", tmp.path() / "builtin"}, opt);
    autogen::support::Diagnostics diags;
    auto out = env.render("revision.sql.j2", Value::object(), diags);
    REQUIRE(out);
    CHECK(*out == "-- custom -- header\nbody\n");
}

TEST_CASE("a template extending itself with nothing behind it is an error, not a hang") {
    autogen::testing::TempDir tmp;
    tmp.write("only/x.j2", "{% extends 'x.j2' %}");
    Environment env({tmp.path() / "only"});
    autogen::support::Diagnostics diags;
    CHECK_FALSE(env.render("x.j2", Value::object(), diags));
    REQUIRE(diags.items().size() == 1);
    CHECK(diags.items()[0].location.str() == "x.j2:1:4");
}

TEST_CASE("a missing template is one Template error naming the folders searched") {
    autogen::testing::TempDir tmp;
    Environment env({tmp.path()});
    autogen::support::Diagnostics diags;
    CHECK_FALSE(env.render("nope.j2", Value::object(), diags));
    REQUIRE(diags.items().size() == 1);
    CHECK(diags.items()[0].category == autogen::support::Category::Template);
    CHECK(diags.items()[0].message.find("nope.j2") != std::string::npos);
    CHECK(diags.items()[0].hint.find(tmp.path().string()) != std::string::npos);
}

TEST_CASE("errors in an included template name that template") {
    autogen::testing::TempDir tmp;
    tmp.write("main.j2", "line\n{% include 'part.j2' %}");
    tmp.write("part.j2", "ok\n  {{ 1 // 0 }}");
    Environment env({tmp.path()});
    autogen::support::Diagnostics diags;
    CHECK_FALSE(env.render("main.j2", Value::object(), diags));
    REQUIRE(diags.items().size() == 1);
    CHECK(diags.items()[0].location.str() == "part.j2:2:8");
    CHECK(format(diags.items()[0]).find("part.j2:2:8: error:") == 0);
}

TEST_CASE("the context need not be an object, templates are not cached across renders") {
    autogen::testing::TempDir tmp;
    tmp.write("t.j2", "v1");
    Environment env({tmp.path()});
    autogen::support::Diagnostics diags;
    CHECK(env.render("t.j2", Value(), diags) == std::optional<std::string>("v1"));
    tmp.write("t.j2", "v2");
    CHECK(env.render("t.j2", Value::array(), diags) == std::optional<std::string>("v2"));
}
