// compare_default_privileges through diff(): an entry's lost items taken back and new ones
// given before the table changes, an undeclared entry reset, and a table's privilege the
// declared defaults give never revoked as an undeclared grant.
#include <doctest/doctest.h>

#include "diff/differ.hpp"
#include "diff/phrases.hpp"
#include "diff/postgres_rules.hpp"
#include "schema/default_privileges.hpp"
#include "schema/grants.hpp"

using namespace autogen;
using namespace autogen::schema;

namespace {

Schema with(std::vector<SqlObject> objects) {
    Schema s;
    s.objects = std::move(objects);
    s.declares_objects = true;
    return s;
}

std::vector<std::string> phrases(const Schema& from, const Schema& to) {
    auto rules = diff::make_postgres_rules();
    std::vector<std::string> out;
    for (const auto& op : diff::diff(from, to, *rules)) out.push_back(diff::describe(op));
    return out;
}

SqlObject tables(std::vector<std::string> items, const std::string& in_schema = "") {
    return make_default_privilege("owner", in_schema, "TABLES", std::move(items));
}

}  // namespace

TEST_CASE("default privileges diff: new, changed, reset, unchanged") {
    const auto reader = tables({"GRANT SELECT TO reader"}, "app");
    CHECK(phrases(with({}), with({reader})) ==
          std::vector<std::string>{
              "default privileges ON TABLES IN SCHEMA \"app\" FOR ROLE \"owner\": GRANT SELECT "
              "TO reader"});
    CHECK(phrases(with({reader}), with({reader})).empty());
    // SELECT stays, INSERT comes, the grant option of a global entry changes
    const auto more = tables({"GRANT INSERT TO reader", "GRANT SELECT TO reader"}, "app");
    CHECK(phrases(with({reader}), with({more})) ==
          std::vector<std::string>{
              "default privileges ON TABLES IN SCHEMA \"app\" FOR ROLE \"owner\": GRANT INSERT "
              "TO reader"});
    const auto option = tables({"GRANT SELECT WITH GRANT OPTION TO reader"});
    const auto plain = tables({"GRANT SELECT TO reader"});
    CHECK(phrases(with({option}), with({plain})) ==
          std::vector<std::string>{
              "default privileges ON TABLES FOR ROLE \"owner\" undo: GRANT SELECT WITH GRANT "
              "OPTION TO reader",
              "default privileges ON TABLES FOR ROLE \"owner\": GRANT SELECT TO reader"});
    // an entry no file declares goes back to the built-in default
    const auto revoke =
        make_default_privilege("owner", "", "FUNCTIONS", {"REVOKE EXECUTE FROM PUBLIC"});
    CHECK(phrases(with({revoke}), with({})) ==
          std::vector<std::string>{
              "default privileges ON FUNCTIONS FOR ROLE \"owner\" undo: REVOKE EXECUTE FROM "
              "PUBLIC"});
    // IN SCHEMA public is not the global entry
    CHECK(phrases(with({plain}), with({tables({"GRANT SELECT TO reader"}, "public")})).size() == 2);
}

TEST_CASE("default privileges diff: what they gave a table is not revoked") {
    const auto grant = make_grant("TABLE", "app", "ledger", "", "reader", {"SELECT", "DELETE"});
    const auto reader = tables({"GRANT SELECT TO reader"}, "app");
    // DELETE no file grants: revoked; SELECT the schema's default gave
    CHECK(phrases(with({grant}), with({reader})) ==
          std::vector<std::string>{
              "revoked DELETE on TABLE \"app\".\"ledger\" from \"reader\"",
              "default privileges ON TABLES IN SCHEMA \"app\" FOR ROLE \"owner\": GRANT SELECT "
              "TO reader"});
    // a default of another schema gives nothing here
    CHECK(phrases(with({grant, tables({"GRANT SELECT TO reader"}, "other")}),
                  with({tables({"GRANT SELECT TO reader"}, "other")})) ==
          std::vector<std::string>{"revoked DELETE, SELECT on TABLE \"app\".\"ledger\" from "
                                   "\"reader\""});
}
