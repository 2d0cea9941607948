// compare_owners(): OWNER TO when an owner comes or changes, back to the running role when
// it goes, nothing for a renamed table that keeps it, nothing for an object dropped.
#include "diff/compare_owners.hpp"

#include <doctest/doctest.h>

#include "schema/owners.hpp"

using namespace autogen;
using namespace autogen::schema;

namespace {

SqlObject owner(const std::string& kind, const std::string& name, const std::string& role) {
    return make_owner(kind, "", name, "", role, "deploy");
}

Schema with(std::vector<SqlObject> objects, std::vector<std::string> tables = {}) {
    Schema s;
    s.declares_objects = true;
    s.objects = std::move(objects);
    for (const auto& t : tables) s.tables.push_back(Table{.name = t});
    return s;
}

}  // namespace

TEST_CASE("owners: changed, removed, kept by a renamed table") {
    diff::ObjectChanges out;
    const Schema from =
        with({owner("TABLE", "people", "a"), owner("TABLE", "t", "a"), owner("TABLE", "u", "a")},
             {"people", "t", "u"});
    const Schema to =
        with({owner("TABLE", "users", "a"), owner("TABLE", "t", "b")}, {"users", "t", "u"});
    const std::vector<Operation> ops{RenameTable{{"", "people"}, "users"}};
    diff::compare_owners(from, to, ops, {}, {}, out);
    REQUIRE(out.first.size() == 1);  // u: back to the running role
    const auto& drop = std::get<DropObject>(out.first[0]);
    CHECK(drop.object.name == "u");
    CHECK(drop.recreated_because.empty());
    CHECK(owner_runner(drop.object) == "deploy");
    REQUIRE(out.last.size() == 1);  // t: a -> b; users: kept
    const auto& change = std::get<ReplaceObject>(out.last[0]);
    CHECK(change.from.table == "a");
    CHECK(change.to.table == "b");
}

TEST_CASE("owners: a view created again gets OWNER TO again, a dropped table takes its owner") {
    SqlObject view{.kind = ObjectKind::View, .name = "v"};
    diff::ObjectChanges out;
    const Schema from =
        with({view, owner("VIEW", "v", "a"), owner("TABLE", "gone", "a")}, {"gone"});
    const Schema to = with({view, owner("VIEW", "v", "a")});
    const std::string key = std::string("view") + '\x1f' + view.identity();
    const std::vector<Operation> ops{DropTable{Table{.name = "gone"}}};
    diff::compare_owners(from, to, ops, {key}, {key}, out);
    REQUIRE(out.first.size() == 2);
    for (const auto& op : out.first)
        CHECK_FALSE(std::get<DropObject>(op).recreated_because.empty());
    REQUIRE(out.last.size() == 1);
    CHECK(std::get<CreateObject>(out.last[0]).recreated_because == "its view is created again");
}

TEST_CASE("owners: OWNER TO goes before the grants, which it would hand to the new owner") {
    diff::ObjectChanges out;
    SqlObject view{.kind = ObjectKind::View, .name = "v"};
    SqlObject grant{.kind = ObjectKind::Grant, .name = "t"};
    out.last.push_back(CreateObject{view, ""});
    out.last.push_back(CreateObject{grant, ""});
    const Schema from = with({owner("TABLE", "t", "a")}, {"t"});
    const Schema to = with({view, owner("TABLE", "t", "b")}, {"t"});
    diff::compare_owners(from, to, {}, {}, {}, out);
    REQUIRE(out.last.size() == 3);
    CHECK(std::get<CreateObject>(out.last[0]).object.kind == ObjectKind::View);
    CHECK(std::get<ReplaceObject>(out.last[1]).to.table == "b");
    CHECK(std::get<CreateObject>(out.last[2]).object.kind == ObjectKind::Grant);
}
