// grants_by_defaults and compare_grants through diff(), a database's side (from) against
// the models' (to): what the running role's default privileges give an existing table is
// granted, a declared GRANT beside them written, an entry of another role gives nothing,
// and a dropped table's downgrade revokes what the defaults then in force give it.
#include <doctest/doctest.h>

#include <algorithm>

#include "diff/differ.hpp"
#include "diff/phrases.hpp"
#include "diff/postgres_rules.hpp"
#include "schema/default_privileges.hpp"
#include "schema/grants.hpp"

using namespace autogen;
using namespace autogen::schema;

namespace {

Table table(const std::string& name) {
    Table t;
    t.name = name;
    t.columns.push_back(Column{.name = "id"});
    return t;
}

/// A side holding `tables` and `objects`; the models' side declares its objects.
Schema side(bool models, std::vector<std::string> tables, std::vector<SqlObject> objects) {
    Schema s;
    for (const auto& name : tables) s.tables.push_back(table(name));
    s.objects = std::move(objects);
    s.declares_objects = models;
    return s;
}

/// An entry ON TABLES of `role`, read where "deploy" runs the migrations.
SqlObject entry(const std::string& role, std::vector<std::string> items) {
    SqlObject o = make_default_privilege(role, "", "TABLES", std::move(items));
    o.arguments = "deploy";
    return o;
}

std::vector<std::string> phrases(const Schema& from, const Schema& to) {
    auto rules = diff::make_postgres_rules();
    std::vector<std::string> out;
    for (const auto& op : diff::diff(from, to, *rules)) out.push_back(diff::describe(op));
    return out;
}

bool has(const std::vector<std::string>& said, const std::string& phrase) {
    return std::find(said.begin(), said.end(), phrase) != said.end();
}

}  // namespace

TEST_CASE("default privileges: only the running role's entries give the project's tables") {
    CHECK(applies_to_runners_objects(entry("deploy", {})));
    CHECK_FALSE(applies_to_runners_objects(entry("app", {})));
    CHECK(applies_to_runners_objects(make_default_privilege("app", "", "TABLES", {})));
    const auto grant = make_grant("TABLE", "", "users", "", "reader", {"SELECT"});
    // An entry FOR ROLE app is for what app creates: the live grant is revoked.
    const auto other = entry("app", {"GRANT SELECT TO reader"});
    CHECK(phrases(side(false, {"users"}, {grant, other}), side(true, {"users"}, {other})) ==
          std::vector<std::string>{"revoked SELECT on TABLE \"users\" from \"reader\""});
    // The running role's: the table holds it as a fresh database's would.
    const auto own = entry("deploy", {"GRANT SELECT TO reader"});
    CHECK(phrases(side(false, {"users"}, {grant, own}), side(true, {"users"}, {own})).empty());
    // The global entry and the one IN SCHEMA public add up.
    auto in_public =
        make_default_privilege("deploy", "public", "TABLES", {"GRANT INSERT TO reader"});
    in_public.arguments = "deploy";
    const auto both = make_grant("TABLE", "", "users", "", "reader", {"INSERT", "SELECT"});
    CHECK(phrases(side(false, {"users"}, {both, own, in_public}),
                  side(true, {"users"}, {own, in_public}))
              .empty());
}

TEST_CASE("default privileges: an existing table gets what a fresh database's would") {
    const auto own = entry("deploy", {"GRANT SELECT TO reader"});
    // older than the entry: granted (its downgrade revokes it)
    CHECK(phrases(side(false, {"users"}, {own}), side(true, {"users"}, {own})) ==
          std::vector<std::string>{"granted SELECT on TABLE \"users\" to \"reader\""});
    // a declared GRANT beside the same default is written too
    const auto grant = make_grant("TABLE", "", "users", "", "reader", {"SELECT"});
    CHECK(phrases(side(false, {"users"}, {own}), side(true, {"users"}, {own, grant})) ==
          std::vector<std::string>{"granted SELECT on TABLE \"users\" to \"reader\""});
    // a table the revision creates gets it from its CREATE: nothing more
    const auto said = phrases(side(false, {}, {own}), side(true, {"users"}, {own, grant}));
    CHECK(std::none_of(said.begin(), said.end(),
                       [](const std::string& s) { return s.rfind("granted", 0) == 0; }));
}

TEST_CASE("default privileges: a dropped table's downgrade revokes what later ones give") {
    const auto old_entry = entry("deploy", {"GRANT SELECT TO app"});
    const auto new_entry = entry("deploy", {"GRANT SELECT TO reader"});
    const auto held = make_grant("TABLE", "", "archive", "", "app", {"SELECT"});
    const auto said =
        phrases(side(false, {"archive"}, {old_entry, held}), side(true, {}, {new_entry}));
    CHECK(has(said, "the downgrade revokes SELECT on TABLE \"archive\" to \"reader\" (" +
                        std::string(kRevokedWhenCreatedAgain) + ")"));
    // what it held comes back with it; what the new defaults give it and it held: nothing
    const auto kept = make_grant("TABLE", "", "archive", "", "reader", {"SELECT"});
    const auto none =
        phrases(side(false, {"archive"}, {new_entry, kept}), side(true, {}, {new_entry}));
    CHECK(std::none_of(none.begin(), none.end(), [](const std::string& s) {
        return s.rfind("the downgrade revokes", 0) == 0;
    }));
}

TEST_CASE("default privileges: an existing function gets EXECUTE, never PUBLIC's built-in") {
    SqlObject f{.kind = ObjectKind::Function, .name = "bump"};
    f.arguments = "integer";
    f.sql = f.definition = "CREATE FUNCTION bump(integer) ...";
    SqlObject functions = make_default_privilege(
        "deploy", "public", "FUNCTIONS", {"GRANT EXECUTE TO PUBLIC", "GRANT EXECUTE TO app"});
    functions.arguments = "deploy";
    CHECK(phrases(side(false, {}, {f, functions}), side(true, {}, {f, functions})) ==
          std::vector<std::string>{"granted EXECUTE on FUNCTION \"bump\"(integer) to \"app\""});
}
