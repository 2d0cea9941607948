// with_view_columns_removed(): the downgrade of a view whose columns were appended drops
// and creates the view, and what is bound to it, with their grants and owners.
#include "codegen/postgres_view_columns.hpp"

#include <doctest/doctest.h>

#include "schema/grants.hpp"
#include "schema/owners.hpp"

using namespace autogen;
using namespace autogen::schema;

namespace {

SqlObject view(std::string name, std::string query, std::vector<std::string> columns) {
    SqlObject o{.kind = ObjectKind::View, .name = name};
    o.sql = "CREATE VIEW " + name + " AS " + query;
    o.definition = query;
    o.columns = std::move(columns);
    return o;
}

std::string what(const Operation& op) {
    if (const auto* d = std::get_if<DropObject>(&op)) return "drop " + d->object.name;
    if (const auto* c = std::get_if<CreateObject>(&op))
        return std::string("create ") + to_string(c->object.kind) + " " + c->object.name;
    if (std::holds_alternative<ReplaceObject>(op)) return "replace";
    return "other";
}

}  // namespace

TEST_CASE("postgres view columns: taken away is a drop and a create, with what is bound to it") {
    const SqlObject narrow = view("active", "SELECT id FROM users", {"id bigint"});
    const SqlObject wide =
        view("active", "SELECT id, email FROM users", {"id bigint", "email text"});
    const SqlObject reader = view("active_ids", "SELECT id FROM active", {"id bigint"});
    const SqlObject other = view("constant", "SELECT 1 AS one", {"one integer"});
    const SqlObject grant = make_grant("TABLE", "", "active", "", "reporter", {"SELECT"});
    const SqlObject owner = make_owner("VIEW", "", "active", "", "owner_role", "postgres");
    Schema wide_side, narrow_side;
    wide_side.objects = {wide, reader, other, grant, owner};
    narrow_side.objects = {narrow, reader, other, grant, owner};

    // The upgrade (columns appended) stays one replacement.
    const std::vector<Operation> up{ReplaceObject{narrow, wide}};
    CHECK(codegen::postgres::with_view_columns_removed(up, narrow_side, wide_side).size() == 1);

    std::vector<std::string> got;
    for (const auto& op : codegen::postgres::with_view_columns_removed(
             {ReplaceObject{wide, narrow}}, wide_side, narrow_side))
        got.push_back(what(op));
    CHECK(got == std::vector<std::string>{"drop active_ids", "drop active", "create view active",
                                          "create view active_ids", "create grant active",
                                          "create owner active"});
}
