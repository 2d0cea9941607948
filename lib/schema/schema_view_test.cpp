#include "schema/schema_view.hpp"

#include <doctest/doctest.h>

using namespace autogen::schema;

TEST_CASE("text and JSON views") {
    Table t;
    t.name = "users";
    Column id;
    id.name = "id";
    id.type.sql = "INTEGER";
    id.identity = true;
    id.location = {"models/user.hpp", 5, 40};
    Column email;
    email.name = "email";
    email.type.logical = Logical::Text;
    email.type.length = 255;
    email.nullable = true;
    t.columns = {id, email};
    t.primary_key = PrimaryKey{"", {"id"}};
    t.location = {"models/user.hpp", 4, 8};
    Schema s{{t}, {}};
    CHECK(to_text(s, true) ==
          "table \"users\"  (models/user.hpp:4:8)\n"
          "  id INTEGER NOT NULL IDENTITY  (models/user.hpp:5:40)\n"
          "  email text(255) NULL\n"
          "  primary key (id)\n");
    auto j = to_json(s);
    CHECK(j["tables"][0]["name"] == "users");
    CHECK(j["tables"][0]["columns"][1]["type"] == "text(255)");
    CHECK(j["tables"][0]["location"]["line"] == 4);
    CHECK(j["tables"][0]["primary_key"][0] == "id");
}
