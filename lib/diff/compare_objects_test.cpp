// compare_objects through diff(): declared views added, removed, replaced in place or
// dropped and created again, and the views around a column change, in that order.
#include <doctest/doctest.h>

#include "diff/differ.hpp"
#include "diff/phrases.hpp"
#include "diff/postgres_rules.hpp"
#include "diff/sqlite_rules.hpp"
#include "schema/domain.hpp"

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

SqlObject routine(std::string name, std::string body, std::string signature = "n text|boolean") {
    SqlObject o;
    o.kind = ObjectKind::Function;
    o.name = name;
    o.sql = "CREATE FUNCTION " + name + "(n text) RETURNS boolean AS $$" + body + "$$";
    o.definition = o.sql;
    o.columns = {signature};
    return o;
}

SqlObject trigger(std::string name, std::string table, std::string function) {
    SqlObject o;
    o.kind = ObjectKind::Trigger;
    o.name = name;
    o.table = table;
    o.sql = "CREATE TRIGGER " + name + " BEFORE UPDATE ON " + table +
            " FOR EACH ROW EXECUTE FUNCTION " + function + "()";
    o.definition = o.sql;
    return o;
}

/// The index in `ops` of the first operation whose phrase starts with `start`, or -1.
int index_of(const std::vector<std::string>& ops, const std::string& start) {
    for (std::size_t i = 0; i < ops.size(); ++i)
        if (ops[i].rfind(start, 0) == 0) return static_cast<int>(i);
    return -1;
}

}  // namespace

TEST_CASE("objects: a function a table calls comes before the table and goes after it") {
    auto rules = diff::make_postgres_rules();
    Schema to = with({routine("email_ok", "SELECT true")}, true);
    to.tables[0].checks = {CheckConstraint{.name = "ck_email", .expression = "email_ok(email)"}};
    Schema empty;
    empty.declares_objects = true;
    const auto up = phrases(empty, to, *rules);
    REQUIRE(index_of(up, "added function \"email_ok\"") >= 0);
    CHECK(index_of(up, "added function \"email_ok\"") < index_of(up, "added table \"users\""));
    const auto down = phrases(to, empty, *rules);
    REQUIRE(index_of(down, "removed function \"email_ok\"") >= 0);
    CHECK(index_of(down, "removed table \"users\"") < index_of(down, "removed function"));
    // A function no table calls comes after the tables.
    Schema plain = with({routine("helper", "SELECT true")}, true);
    const auto after = phrases(empty, plain, *rules);
    CHECK(index_of(after, "added table \"users\"") < index_of(after, "added function"));
}

TEST_CASE("objects: a function keeping its signature is replaced, its trigger stays") {
    auto rules = diff::make_postgres_rules();
    const Schema from =
        with({routine("touch", "SELECT 1"), trigger("touch", "users", "touch")}, true);
    const Schema same_signature =
        with({routine("touch", "SELECT 2"), trigger("touch", "users", "touch")}, true);
    CHECK(phrases(from, same_signature, *rules) ==
          std::vector<std::string>{
              "changed function \"touch\"() (replaced in place: same signature)"});
    // Another signature: dropped and created again, and the trigger bound to it with it
    // (a trigger named like its function is no cycle).
    const Schema other_signature = with(
        {routine("touch", "SELECT 2", "n integer|boolean"), trigger("touch", "users", "touch")},
        true);
    const auto ops = phrases(from, other_signature, *rules);
    REQUIRE(ops.size() == 4);
    CHECK(ops[0].rfind("dropped trigger \"touch\" on \"users\" to create it again", 0) == 0);
    CHECK(ops[1].rfind("dropped function \"touch\"() to create it again", 0) == 0);
    CHECK(ops[2].rfind("created function \"touch\"() again", 0) == 0);
    CHECK(ops[3].rfind("created trigger \"touch\" on \"users\" again", 0) == 0);
}

TEST_CASE("objects: triggers are named per table, and follow a column change of theirs") {
    auto rules = diff::make_sqlite_rules();
    const Schema from = with({trigger("audit", "users", "f")}, true);
    Schema two = from;
    Table orders = users();
    orders.name = "orders";
    two.tables.push_back(orders);
    two.objects.push_back(trigger("audit", "orders", "f"));
    CHECK(phrases(from, two, *rules) ==
          std::vector<std::string>{"added table \"orders\"",
                                   "added trigger \"audit\" on \"orders\""});
    const auto retyped =
        phrases(from, with({trigger("audit", "users", "f")}, true, "INTEGER"), *rules);
    REQUIRE(retyped.size() == 3);
    CHECK(retyped[0].rfind("dropped trigger \"audit\" on \"users\" to create it again (it reads "
                           "\"users\", which changes column \"email\")",
                           0) == 0);
    CHECK(retyped[2].rfind("created trigger \"audit\" on \"users\" again", 0) == 0);
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

namespace {

SqlObject domain(const std::string& name, DomainFacts facts) {
    SqlObject o;
    o.kind = ObjectKind::Domain;
    o.name = name;
    o.sql = "CREATE DOMAIN " + name + " AS " + facts.type;
    set_domain_facts(o, std::move(facts));
    return o;
}

const DomainFacts kYear{.type = "integer",
                        .collation = "",
                        .default_value = std::nullopt,
                        .not_null = false,
                        .checks = {{"year_check", "CHECK ((VALUE >= 1901))"}}};

}  // namespace

TEST_CASE("objects: a domain's default, NOT NULL and checks change in place, each named") {
    DomainFacts next = kYear;
    next.default_value = "2000";
    next.not_null = true;
    next.checks = {{"year_min", "CHECK ((VALUE >= 1901))"},
                   {"year_max", "CHECK ((VALUE <= 2100))"}};
    auto pg = diff::make_postgres_rules();
    const auto from = with({domain("year", kYear)}, true), to = with({domain("year", next)}, true);
    auto ops = diff::diff(from, to, *pg);
    REQUIRE(ops.size() == 1);
    REQUIRE(std::holds_alternative<ReplaceObject>(ops[0]));
    CHECK(diff::describe(ops[0]) ==
          "changed domain \"year\" (ALTER DOMAIN: check \"year_check\" renamed to \"year_min\", "
          "check \"year_max\" added, default set, NOT NULL set)");
    // The downgrade names the way back.
    CHECK(diff::describe(reverse(ops)[0]) ==
          "changed domain \"year\" (ALTER DOMAIN: check \"year_max\" dropped, check "
          "\"year_min\" renamed to \"year_check\", default dropped, NOT NULL dropped)");
    // Respelled the same (the facts as read back): no change.
    CHECK(diff::diff(from, with({domain("year", kYear)}, true), *pg).empty());
}

TEST_CASE("objects: a domain's new base type or collation is a drop and a create") {
    auto pg = diff::make_postgres_rules();
    for (const auto& change : {std::string("type"), std::string("collation")}) {
        DomainFacts next = kYear;
        (change == "type" ? next.type : next.collation) = change == "type" ? "smallint" : "C";
        const auto got =
            phrases(with({domain("year", kYear)}, true), with({domain("year", next)}, true), *pg);
        REQUIRE(got.size() == 2);
        CHECK(got[0] ==
              "dropped domain \"year\" to create it again (its base type or collation changes, "
              "which ALTER DOMAIN cannot change)");
        CHECK(got[1].find("created domain \"year\" again") == 0);
    }
}

TEST_CASE("objects: the check changes of a domain: dropped, renamed, added") {
    DomainFacts from = kYear, to = kYear;
    from.checks = {{"a", "CHECK (x)"}, {"b", "CHECK (y)"}, {"c", "CHECK (z)"}};
    to.checks = {{"a", "CHECK (x2)"}, {"d", "CHECK (y)"}, {"c", "CHECK (z)"}};
    const auto changes = check_changes(from, to);
    REQUIRE(changes.dropped.size() == 1);
    CHECK(changes.dropped[0].name == "a");
    REQUIRE(changes.renamed.size() == 1);
    CHECK(changes.renamed[0] == std::pair<std::string, std::string>{"b", "d"});
    REQUIRE(changes.added.size() == 1);
    CHECK(changes.added[0] == DomainCheck{"a", "CHECK (x2)"});
}

namespace {

/// A policy on "users" as PostgreSQL's inspector reads it back (policy.hpp's facts).
SqlObject policy(const std::string& command, const std::string& roles, const std::string& qual,
                 const std::string& check = "", const std::string& permissive = "PERMISSIVE") {
    SqlObject o;
    o.kind = ObjectKind::Policy;
    o.name = "own";
    o.table = "users";
    o.columns = {command, permissive, roles, qual, check};
    o.sql = "CREATE POLICY own ON public.users AS " + permissive + " FOR " + command + " TO " +
            roles + (qual.empty() ? "" : " USING (" + qual + ")") +
            (check.empty() ? "" : " WITH CHECK (" + check + ")");
    o.definition = o.sql;
    return o;
}

}  // namespace

TEST_CASE("objects: a policy's roles and expressions change in place, the rest is drop + create") {
    auto pg = diff::make_postgres_rules();
    const SqlObject base = policy("ALL", "PUBLIC", "(email = CURRENT_USER)");
    // Roles and USING: ALTER POLICY (a ReplaceObject), both ways.
    const auto altered =
        diff::diff(with({base}, true), with({policy("ALL", "reader", "(id > 0)")}, true), *pg);
    REQUIRE(altered.size() == 1);
    CHECK(std::holds_alternative<ReplaceObject>(altered[0]));
    CHECK(diff::describe(altered[0]) ==
          "changed policy \"own\" on \"users\" (ALTER POLICY: TO, USING)");
    // The command, PERMISSIVE / RESTRICTIVE, or a WITH CHECK that appears: drop + create.
    for (const auto& next : {policy("SELECT", "PUBLIC", "(email = CURRENT_USER)"),
                             policy("ALL", "PUBLIC", "(email = CURRENT_USER)", "", "RESTRICTIVE"),
                             policy("ALL", "PUBLIC", "(email = CURRENT_USER)", "true")}) {
        const auto got = phrases(with({base}, true), with({next}, true), *pg);
        REQUIRE(got.size() == 2);
        CHECK(got[0].find("dropped policy \"own\" on \"users\" to create it again") == 0);
    }
    // A retyped column of its table: dropped before, created again after.
    const auto retyped = phrases(with({base}, true), with({base}, true, "VARCHAR(10)"), *pg);
    REQUIRE(retyped.size() == 3);
    CHECK(retyped[0].find("dropped policy \"own\" on \"users\" to create it again (it reads "
                          "\"users\", which changes column \"email\")") == 0);
    CHECK(retyped[2].find("created policy \"own\" on \"users\" again") == 0);
    // Undeclared: removed.
    const auto removed = phrases(with({base}, true), with({}, true), *pg);
    REQUIRE(removed.size() == 1);
    CHECK(removed[0] == "removed policy \"own\" on \"users\"");
}

TEST_CASE("objects: overloads are compared each with its own twin") {
    auto rules = diff::make_postgres_rules();
    auto overload = [](const std::string& arguments, const std::string& body) {
        SqlObject o = routine("label", body, arguments + "|text");
        o.arguments = arguments;  // as the catalog reads them back
        return o;
    };
    const Schema both =
        with({overload("n integer", "SELECT 1"), overload("t text", "SELECT 2")}, true);
    const auto dropped = phrases(both, with({overload("n integer", "SELECT 1")}, true), *rules);
    REQUIRE(dropped.size() == 1);
    CHECK(index_of(dropped, "removed function \"label\"(text)") == 0);
    const auto changed = phrases(
        both, with({overload("n integer", "SELECT 3"), overload("t text", "SELECT 2")}, true),
        *rules);
    REQUIRE(changed.size() == 1);
    CHECK(index_of(changed, "changed function \"label\"(integer) (replaced in place") == 0);
}

// Session 22: a view given columns at its end was dropped and created (with the views
// reading it, its grants, comments and owner) where CREATE OR REPLACE VIEW does.
TEST_CASE("objects: columns appended to a view are replaced in place on PostgreSQL only") {
    SqlObject next = view("active", "SELECT id, email, id + 1 AS next FROM users",
                          {"id bigint", "email text", "next bigint"});
    auto pg = diff::make_postgres_rules();
    CHECK(phrases(with({kActive, kEmails}, false), with({next, kEmails}, true), *pg) ==
          std::vector<std::string>{
              "changed view \"active\" (replaced in place: columns appended: next bigint)"});
    // Not at the end, or a materialized view (no OR REPLACE): a drop and a create.
    SqlObject before = view("active", "SELECT id + 1 AS next, id, email FROM users",
                            {"next bigint", "id bigint", "email text"});
    CHECK(diff::diff(with({kActive}, false), with({before}, true), *pg).size() == 2);
    SqlObject mat = kActive, mat_next = next;
    mat.kind = mat_next.kind = ObjectKind::MaterializedView;
    CHECK(diff::diff(with({mat}, false), with({mat_next}, true), *pg).size() == 2);
    auto lite = diff::make_sqlite_rules();
    CHECK(diff::diff(with({kActive, kEmails}, false), with({next, kEmails}, true), *lite).size() ==
          4);
}
