// table_uses(): the tables a file's text declares, without libclang.
#include "scan/declared_tables.hpp"

#include <doctest/doctest.h>

using namespace autogen::scan;

TEST_CASE("table names: the first argument, else the struct's name in snake_case") {
    auto uses = table_uses(
        "#define AUTOGEN_TABLE(...) x\n"
        "struct AUTOGEN_TABLE(\"users\") User {};\n"
        "struct AUTOGEN_TABLE() AUTOGEN_INDEX(\"ix_a\", \"(lower(x))\") [[deprecated]] AuditEntry "
        "final : Base {};\n"
        "struct AUTOGEN_TABLE(schema = \"billing\",\n"
        "                     comment = \"has ) in it\") OrderItem {};\n"
        "// we use AUTOGEN_TABLE for models; MY_AUTOGEN_TABLE(\"no\") is another macro\n"
        "/// On a struct: `AUTOGEN_TABLE(\"users\")` (a doc comment)\n"
        "/* struct AUTOGEN_TABLE(\"old\") Old {};\n   retired */ struct X { const char* s = \"/* "
        "not a comment\"; };\n"
        "MY_AUTOGEN_TABLE(\"no\") int y;\n"
        "struct AUTOGEN_TABLE(\"after_string\") After {};\n");
    REQUIRE(uses.size() == 4);
    CHECK(uses[0].name == "users");
    CHECK(uses[0].line == 2);
    CHECK(uses[0].column == 8);
    CHECK(uses[1].name == "audit_entry");
    CHECK(uses[2].name == "order_item");
    CHECK(uses[2].schema == "billing");
    CHECK(uses[2].line == 4);
    CHECK(uses[3].name == "after_string");
    CHECK(uses[3].line == 11);
}

TEST_CASE("a use whose name cannot be read still counts, with an empty name") {
    auto uses = table_uses("struct AUTOGEN_TABLE(");
    REQUIRE(uses.size() == 1);
    CHECK(uses[0].name.empty());
}
