// set_routines_called() / calls_routine(): a view bound to one overload, read back or
// unknown; shipped_comment(): an extension's control-file comment, read back or unknown.
#include "schema/view_calls.hpp"

#include <doctest/doctest.h>

#include "schema/extension_comment.hpp"
#include "schema/routine_signature.hpp"

using namespace autogen::schema;

namespace {

SqlObject routine(const std::string& name, const std::string& arguments) {
    SqlObject o{.kind = ObjectKind::Function, .name = name};
    o.arguments = arguments;
    return o;
}

}  // namespace

TEST_CASE("view calls: the overload read back, else every routine of a name it mentions") {
    SqlObject view{.kind = ObjectKind::View, .name = "labels"};
    view.sql = "CREATE VIEW labels AS SELECT label(id::integer) FROM notes";
    const SqlObject by_number = routine("label", "n integer");
    const SqlObject by_text = routine("label", "t text");
    const SqlObject other = routine("other", "integer");
    // Unknown (a snapshot, SQLite): the name decides.
    CHECK_FALSE(routines_called(view));
    CHECK(calls_routine(view, by_number));
    CHECK(calls_routine(view, by_text));
    CHECK_FALSE(calls_routine(view, other));
    // Read back: the one its call resolved to, however its arguments are spelled.
    set_routines_called(view, {routine_identity("", "label", "integer")});
    REQUIRE(routines_called(view));
    CHECK(routines_called(view)->size() == 1);
    CHECK(calls_routine(view, by_number));
    CHECK(calls_routine(view, routine("label", "a int4")));
    CHECK_FALSE(calls_routine(view, by_text));
    // Known to call none: no routine binds it, whatever it names.
    set_routines_called(view, {});
    REQUIRE(routines_called(view));
    CHECK(routines_called(view)->empty());
    CHECK_FALSE(calls_routine(view, by_number));
    // Its identity stays its name.
    CHECK(view.identity() == "\"labels\"");
}

TEST_CASE("extension comment: the control file's, read back, or unknown") {
    SqlObject citext{.kind = ObjectKind::Extension, .name = "citext"};
    CHECK_FALSE(shipped_comment(citext));
    set_shipped_comment(citext, "data type for case-insensitive character strings");
    CHECK(shipped_comment(citext) == "data type for case-insensitive character strings");
    set_shipped_comment(citext, "");
    CHECK(shipped_comment(citext) == "");
    // Another kind's columns are never read as one.
    SqlObject view{.kind = ObjectKind::View, .name = "v", .columns = {"\x1eshipped x"}};
    CHECK_FALSE(shipped_comment(view));
}
