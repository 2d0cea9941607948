// attribute_changes(): what ALTER TYPE can make of a composite type in place.
#include "schema/user_type.hpp"

#include <doctest/doctest.h>

using namespace autogen::schema;

namespace {

SqlObject composite(std::vector<std::string> attributes) {
    SqlObject o{.kind = ObjectKind::Type, .name = "t"};
    std::string body;
    for (const auto& a : attributes) body += (body.empty() ? "" : ", ") + a;
    o.definition = "TYPE AS (" + body + ")";
    o.columns = std::move(attributes);
    return o;
}

}  // namespace

TEST_CASE("user types: appended and dropped attributes change in place, nothing else does") {
    const auto from = composite({"a integer", "b text", "\"C d\" text COLLATE \"C\""});

    auto appended = attribute_changes(
        from, composite({"a integer", "b text", "\"C d\" text COLLATE \"C\"", "z date"}));
    REQUIRE(appended);
    CHECK(appended->dropped.empty());
    CHECK(appended->added == std::vector<std::string>{"z date"});

    auto dropped = attribute_changes(from, composite({"a integer", "\"C d\" text COLLATE \"C\""}));
    REQUIRE(dropped);
    CHECK(dropped->dropped == std::vector<std::string>{"b"});
    CHECK(dropped->added.empty());

    auto both = attribute_changes(from, composite({"b text", "x integer"}));
    REQUIRE(both);
    CHECK(both->dropped == std::vector<std::string>{"a", "\"C d\""});
    CHECK(both->added == std::vector<std::string>{"x integer"});

    // A retyped attribute, a new collation, a new attribute before a kept one, a new order.
    CHECK_FALSE(
        attribute_changes(from, composite({"a bigint", "b text", "\"C d\" text COLLATE \"C\""})));
    CHECK_FALSE(attribute_changes(from, composite({"a integer", "b text", "\"C d\" text"})));
    CHECK_FALSE(attribute_changes(
        from, composite({"n date", "a integer", "b text", "\"C d\" text COLLATE \"C\""})));
    CHECK_FALSE(
        attribute_changes(from, composite({"b text", "a integer", "\"C d\" text COLLATE \"C\""})));

    // A range type has no attributes to change.
    SqlObject range{.kind = ObjectKind::Type, .name = "r"};
    range.definition = "TYPE AS RANGE (SUBTYPE = double precision)";
    CHECK_FALSE(attribute_changes(range, range));
    CHECK(attribute_name("\"a \"\"b\"\"\" int") == "\"a \"\"b\"\"\"");
}
