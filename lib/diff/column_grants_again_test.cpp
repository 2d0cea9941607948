// grant_column_privileges_again through diff(): a column privilege both sides hold is
// granted again after what takes it along, a table-level REVOKE (the upgrade's, or the
// downgrade's reverse of a GRANT) or a DROP COLUMN + ADD COLUMN, and only then.
#include <doctest/doctest.h>

#include "diff/differ.hpp"
#include "diff/phrases.hpp"
#include "diff/postgres_rules.hpp"
#include "schema/grants.hpp"

using namespace autogen;
using namespace autogen::schema;

namespace {

Table lines(const std::string& expression) {
    Table t;
    t.name = "lines";
    Column id, price, total;
    id.name = "id";
    id.type.sql = "integer";
    price.name = "price";
    price.type.sql = "integer";
    total.name = "total";
    total.type.sql = "integer";
    total.nullable = true;
    total.generated = expression;
    t.columns = {id, price, total};
    t.primary_key = PrimaryKey{"", {"id"}};
    return t;
}

/// What diff() says between table "lines" holding `had` and holding `wanted`, its
/// generated column "total" reading `expression` on the second side.
std::vector<std::string> phrases(std::vector<SqlObject> had, std::vector<SqlObject> wanted,
                                 const std::string& expression = "price * 2") {
    Schema from, to;
    from.tables = {lines("price * 2")};
    to.tables = {lines(expression)};
    from.objects = std::move(had);
    to.objects = std::move(wanted);
    from.declares_objects = to.declares_objects = true;
    std::vector<std::string> out;
    for (const auto& op : diff::diff(from, to, *diff::make_postgres_rules()))
        out.push_back(diff::describe(op));
    return out;
}

SqlObject on_table(std::vector<std::string> privileges) {
    return make_grant("TABLE", "", "lines", "", "reader", std::move(privileges));
}
SqlObject on_total(std::vector<std::string> privileges) {
    return make_grant("TABLE", "", "lines", "total", "reader", std::move(privileges));
}

}  // namespace

TEST_CASE("column grants again: a table-level REVOKE in either direction") {
    const auto column = on_total({"SELECT"});
    const auto table = on_table({"SELECT"});
    // the upgrade revokes SELECT on the table: the column's SELECT is granted again after
    CHECK(phrases({table, column}, {column}) ==
          std::vector<std::string>{
              "revoked SELECT on TABLE \"lines\" from \"reader\"",
              "granted SELECT on TABLE \"lines\" (\"total\") to \"reader\" again (REVOKE SELECT on "
              "its table takes it)"});
    // the downgrade revokes it: nothing now, the downgrade grants the column's SELECT again
    CHECK(phrases({column}, {table, column}) ==
          std::vector<std::string>{
              "kept SELECT on TABLE \"lines\" (\"total\") to \"reader\"; the downgrade grants it "
              "again (the downgrade's REVOKE SELECT on its table takes it)",
              "granted SELECT on TABLE \"lines\" to \"reader\""});
    // another privilege of the table, or a column privilege that changes anyway: nothing more
    CHECK(phrases({on_table({"UPDATE"}), column}, {column}) ==
          std::vector<std::string>{"revoked UPDATE on TABLE \"lines\" from \"reader\""});
    CHECK(phrases({table, column}, {on_total({"SELECT WITH GRANT OPTION"})}).size() == 3);
}

TEST_CASE("column grants again: a generated column dropped and added again") {
    const auto column = on_total({"SELECT"});
    const auto ops = phrases({column}, {column}, "price * 3");
    REQUIRE(ops.size() == 3);
    CHECK(ops[0] ==
          "kept SELECT on TABLE \"lines\" (\"total\") to \"reader\"; the downgrade grants it again "
          "(the downgrade's DROP COLUMN takes it)");
    CHECK(ops[2] ==
          "granted SELECT on TABLE \"lines\" (\"total\") to \"reader\" again (its column is "
          "dropped and added again)");
    // the same expression: no column change, no grant
    CHECK(phrases({column}, {column}).empty());
}
