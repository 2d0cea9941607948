// FlatObject: the JSON subset snapshot_text() writes is read in place, and everything
// outside it is refused (left to nlohmann::json).
#include "migrate/snapshot_line.hpp"

#include <doctest/doctest.h>

using autogen::migrate::FlatObject;
using Kind = FlatObject::Value::Kind;

TEST_CASE("flat object: reads strings, flags, numbers and string arrays in place") {
    FlatObject o;
    REQUIRE(o.parse(R"({"name":"a b/c","type":"Text","length":255,"nullable":true,)"
                    R"("identity":false,"columns":["id","x,y"],"none":[]})"));
    REQUIRE(o.find("name"));
    CHECK(o.find("name")->kind == Kind::String);
    CHECK(o.find("name")->text == "a b/c");
    CHECK(o.find("length")->kind == Kind::Number);
    CHECK(o.find("length")->number == 255);
    CHECK(o.find("nullable")->flag);
    CHECK_FALSE(o.find("identity")->flag);
    const auto* columns = o.find("columns");
    REQUIRE(columns->count == 2);
    CHECK(o.item(columns->first) == "id");
    CHECK(o.item(columns->first + 1) == "x,y");
    CHECK(o.find("none")->count == 0);
    CHECK(o.find("absent") == nullptr);
    REQUIRE(o.parse("{}"));  // a second parse replaces the first
    CHECK(o.find("name") == nullptr);
    REQUIRE(o.parse(R"({"length":0})"));
    CHECK(o.find("length")->number == 0);
}

TEST_CASE("flat object: anything outside the written form is refused, valid JSON or not") {
    FlatObject o;
    for (const char* text :
         {// valid JSON that the DOM reader must answer for
          R"({ "name":"a"})", R"({"name" :"a"})", R"({"name":"a"} )",
          R"({"name":"a"})"
          "\r",
          R"({"name":"a\"b"})", R"({"name":"a\u0062"})", "{\"name\":\"caf\xc3\xa9\"}",
          R"({"name":"a","name":"b"})", R"({"length":-1})", R"({"length":1.5})",
          R"({"length":1e3})", R"({"length":1234567890})", R"({"name":null})", R"({"o":{}})",
          R"({"a":[1]})", R"([])", R"("a")",
          // and invalid JSON
          R"({"name":"a")", R"({"name":"a"}})", R"({"name":"a",})", R"({"length":012})",
          R"({"name":tru})", R"({"name":"a"} x)", "{\"name\":\"a\tb\"}", R"({"a":[,]})",
          R"({"a":["x",]})", "", "{", R"({name:"a"})"}) {
        INFO(text);
        CHECK_FALSE(o.parse(text));
    }
}
