// reverse() of every operation kind: downgrade is derived, so it must be exact.
#include "schema/operation.hpp"

#include <doctest/doctest.h>

using namespace autogen::schema;

TEST_CASE("reverse of a list reverses order and each operation") {
    Table users{.name = "users"};
    Column phone{.name = "phone"};
    std::vector<Operation> ops{CreateTable{users}, AddColumn{ref(users), phone}};
    auto back = reverse(ops);
    REQUIRE(back.size() == 2);
    CHECK(std::holds_alternative<DropColumn>(back[0]));
    CHECK(std::get<DropColumn>(back[0]).column.name == "phone");
    CHECK(std::holds_alternative<DropTable>(back[1]));
    CHECK(std::get<DropTable>(back[1]).table.name == "users");
}

TEST_CASE("reverse of reverse is the identity for renames and alters") {
    TableRef t{"", "users"};
    Operation rename = RenameColumn{t, "mail", "email"};
    auto twice = reverse(reverse(rename));
    CHECK(std::get<RenameColumn>(twice).from == "mail");
    CHECK(std::get<RenameColumn>(twice).to == "email");

    Operation rt = RenameTable{TableRef{"", "people"}, "users"};
    auto r = std::get<RenameTable>(reverse(rt));
    CHECK(r.from.name == "users");
    CHECK(r.to == "people");

    Column a{.name = "x", .nullable = true}, b{.name = "x", .nullable = false};
    auto alt = std::get<AlterColumn>(reverse(Operation{AlterColumn{t, a, b, kChangeNullability}}));
    CHECK(alt.from.nullable == false);
    CHECK(alt.to.nullable == true);
    CHECK(alt.changes == kChangeNullability);
}

TEST_CASE("destructive operations") {
    TableRef t{"", "users"};
    CHECK(is_destructive(DropTable{Table{.name = "users"}}));
    CHECK(is_destructive(DropColumn{t, Column{.name = "x"}}));
    CHECK_FALSE(is_destructive(AddColumn{t, Column{.name = "x"}}));
    CHECK(is_destructive(AlterEnum{Enum{.labels = {"a", "b"}}, Enum{.labels = {"a"}}}));
    CHECK_FALSE(is_destructive(AlterEnum{Enum{.labels = {"a"}}, Enum{.labels = {"a", "b"}}}));
}
