// compare_objects through diff(): declared views added, removed, replaced in place or
// dropped and created again, and the views around a column change, in that order.
#include <doctest/doctest.h>

#include "diff/differ.hpp"
#include "diff/phrases.hpp"
#include "diff/postgres_rules.hpp"
#include "diff/sqlite_rules.hpp"

using namespace autogen;
using namespace autogen::schema;

namespace {

Table users(const std::string& email_type = "TEXT") {
    Table t;
    t.name = "users";
    t.columns = {Column{.name = "id", .type = {.sql = "BIGINT"}},
                 Column{.name = "email", .type = {.sql = email_type}}};
    t.primary_key = PrimaryKey{"", {"id"}};
    return t;
}

SqlObject view(std::string name, std::string query, std::vector<std::string> columns) {
    SqlObject o;
    o.name = name;
    o.sql = "CREATE VIEW " + name + " AS " + query;
    o.definition = query;
    o.columns = std::move(columns);
    return o;
}

Schema with(std::vector<SqlObject> objects, bool declared, const std::string& email = "TEXT") {
    Schema s;
    s.tables = {users(email)};
    s.objects = std::move(objects);
    s.declares_objects = declared;
    return s;
}

std::vector<std::string> phrases(const Schema& from, const Schema& to,
                                 const diff::DiffRules& rules) {
    std::vector<std::string> out;
    for (const auto& op : diff::diff(from, to, rules)) out.push_back(diff::describe(op));
    return out;
}

const SqlObject kActive =
    view("active", "SELECT id, email FROM users", {"id bigint", "email text"});
const SqlObject kEmails = view("emails", "SELECT email FROM active", {"email text"});

}  // namespace

TEST_CASE("objects: without a declaring side, the database's views are left alone") {
    auto rules = diff::make_postgres_rules();
    CHECK(diff::diff(with({kActive}, false), with({}, false), *rules).empty());
}

TEST_CASE("objects: added after the tables, removed before them, readers first") {
    auto rules = diff::make_postgres_rules();
    Schema from = with({}, false);
    from.tables.clear();
    CHECK(phrases(from, with({kActive, kEmails}, true), *rules) ==
          std::vector<std::string>{"added table \"users\"", "added view \"active\"",
                                   "added view \"emails\""});
    Schema to = with({}, true);
    to.tables.clear();
    const auto dropped = phrases(with({kActive, kEmails}, false), to, *rules);
    CHECK(dropped ==
          std::vector<std::string>{"removed view \"emails\"", "removed view \"active\"",
                                   "removed table \"users\" (no scanned file declares it)"});
}

TEST_CASE("objects: a new query with the same columns is replaced in place on PostgreSQL") {
    SqlObject next = kActive;
    next.definition = "SELECT id, email FROM users WHERE id > 1";
    auto pg = diff::make_postgres_rules();
    auto ops = diff::diff(with({kActive, kEmails}, false), with({next, kEmails}, true), *pg);
    REQUIRE(ops.size() == 1);
    CHECK(std::holds_alternative<ReplaceObject>(ops[0]));
    // SQLite has no CREATE OR REPLACE: dropped and created again, its reader with it.
    auto lite = diff::make_sqlite_rules();
    CHECK(phrases(with({kActive, kEmails}, false), with({next, kEmails}, true), *lite) ==
          std::vector<std::string>{
              "dropped view \"emails\" to create it again (it reads view \"active\", which is "
              "dropped first)",
              "dropped view \"active\" to create it again (its definition changes and cannot be "
              "replaced in place)",
              "created view \"active\" again (its definition changes and cannot be replaced in "
              "place)",
              "created view \"emails\" again (it reads view \"active\", which is dropped first)"});
}

TEST_CASE("objects: other columns are a drop and a create, even on PostgreSQL") {
    SqlObject next = view("active", "SELECT id FROM users", {"id bigint"});
    auto pg = diff::make_postgres_rules();
    auto ops = diff::diff(with({kActive}, false), with({next}, true), *pg);
    REQUIRE(ops.size() == 2);
    CHECK(std::holds_alternative<DropObject>(ops[0]));
    CHECK(std::holds_alternative<CreateObject>(ops[1]));
}

TEST_CASE("objects: views reading a retyped column are dropped before it and created after") {
    auto pg = diff::make_postgres_rules();
    const auto got = phrases(with({kActive, kEmails}, false),
                             with({kActive, kEmails}, true, "VARCHAR(10)"), *pg);
    REQUIRE(got.size() == 5);
    CHECK(got[0].find("dropped view \"emails\" to create it again") == 0);
    CHECK(got[1] ==
          "dropped view \"active\" to create it again (it reads \"users\", which changes "
          "column \"email\")");
    CHECK(got[2].find("changed column \"users\".\"email\"") == 0);
    CHECK(got[3].find("created view \"active\" again") == 0);
    CHECK(got[4].find("created view \"emails\" again") == 0);
    // The downgrade is the mirror: the reverse of each, in reverse order.
    auto ops = diff::diff(with({kActive, kEmails}, false),
                          with({kActive, kEmails}, true, "VARCHAR(10)"), *pg);
    auto back = reverse(ops);
    CHECK(std::holds_alternative<DropObject>(back[0]));
    CHECK(std::get<DropObject>(back[0]).object.name == "emails");
    CHECK(std::holds_alternative<CreateObject>(back[4]));
}

TEST_CASE("objects: a view not reading the changed table stays") {
    SqlObject constant = view("constant", "SELECT 1 AS one", {"one integer"});
    auto pg = diff::make_postgres_rules();
    CHECK(phrases(with({constant}, false), with({constant}, true, "VARCHAR(10)"), *pg).size() == 1);
}

namespace {

SqlObject extension(std::string name, std::string schema = {}, std::string version = {}) {
    SqlObject o{.kind = ObjectKind::Extension, .schema = schema, .name = name};
    o.version = std::move(version);
    o.sql = "CREATE EXTENSION " + name;
    return o;
}

}  // namespace

TEST_CASE("objects: an extension is created before the tables and dropped after the views") {
    auto rules = diff::make_postgres_rules();
    Schema from = with({}, false);
    from.tables.clear();
    Schema to = with({extension("citext"), kActive}, true, "citext");
    CHECK(phrases(from, to, *rules) == std::vector<std::string>{"added extension \"citext\"",
                                                                "added table \"users\"",
                                                                "added view \"active\""});
    // Removed: the view first, then the table, the extension last.
    Schema empty = with({}, true);
    empty.tables.clear();
    Schema live = with({extension("citext", "public", "1.6"), kActive}, false, "citext");
    CHECK(phrases(live, empty, *rules) ==
          std::vector<std::string>{"removed view \"active\"",
                                   "removed table \"users\" (no scanned file declares it)",
                                   "removed extension \"citext\""});
    // The downgrade of the removal creates it again first, as the database had it.
    const auto ops = diff::diff(live, empty, *rules);
    const auto* drop = std::get_if<DropObject>(&ops.back());
    REQUIRE(drop);
    CHECK(drop->object.version == "1.6");
}

TEST_CASE("objects: an extension's version and schema are compared only when declared") {
    auto rules = diff::make_postgres_rules();
    const Schema live = with({extension("citext", "public", "1.5")}, false);
    // Neither written: any installed version and schema will do.
    CHECK(diff::diff(live, with({extension("citext")}, true), *rules).empty());
    CHECK(diff::diff(live, with({extension("citext", "public", "1.5")}, true), *rules).empty());
    // A declared version that differs: one ALTER, its reverse only puts the version back.
    const auto ops = diff::diff(live, with({extension("citext", "", "1.6")}, true), *rules);
    REQUIRE(ops.size() == 1);
    const auto* alter = std::get_if<ReplaceObject>(&ops[0]);
    REQUIRE(alter);
    CHECK(diff::describe(ops[0]) == "changed extension \"citext\": version 1.5 -> 1.6");
    CHECK(alter->to.schema == "public");
    const auto back = reverse(ops[0]);
    const auto* undo = std::get_if<ReplaceObject>(&back);
    REQUIRE(undo);
    CHECK(undo->to.version == "1.5");
    CHECK(undo->to.schema == "public");
    // A declared schema that differs.
    const auto moved = diff::diff(live, with({extension("citext", "ext")}, true), *rules);
    REQUIRE(moved.size() == 1);
    CHECK(diff::describe(moved[0]) == "changed extension \"citext\": schema \"public\" -> \"ext\"");
}
