// Scanner tests against real headers in a temporary project and real libclang.
#include "scan/scanner.hpp"

#include <doctest/doctest.h>

#include "tests/support/scan_test_support.hpp"

namespace autogen::scan {

using schema::Logical;
using testing::Project;

TEST_CASE("scan: the SPEC section 1 example") {
    Project p;  // no include_dirs: autogen/model.hpp is found by the scanner itself
    REQUIRE(p.options.include_dirs.empty());
    std::string file = p.write("models/shop.hpp", testing::spec_example());
    auto r = p.run();
    INFO(p.messages());
    REQUIRE(r);
    CHECK(p.diags.error_count() == 0);
    REQUIRE(r->files.size() == 1);
    CHECK(r->files[0].string() == file);

    const auto& s = r->schema;
    REQUIRE(s.enums.size() == 1);
    CHECK(s.enums[0].name == "order_status");
    CHECK(s.enums[0].labels == std::vector<std::string>{"pending", "paid", "shipped"});
    CHECK(s.enums[0].location.file == file);
    CHECK(s.enums[0].location.line == 7);

    REQUIRE(s.tables.size() == 2);
    const auto& users = s.tables[0];
    CHECK(users.name == "users");
    CHECK(users.comment == "People who can sign in.");
    CHECK(users.location.file == file);
    CHECK(users.location.line == 15);
    REQUIRE(users.columns.size() == 4);
    CHECK(users.columns[0].name == "created_at");
    CHECK(users.columns[0].type.logical == Logical::TimestampTz);
    CHECK(users.columns[0].server_default == std::optional<std::string>("CURRENT_TIMESTAMP"));
    CHECK_FALSE(users.columns[0].nullable);
    CHECK(users.columns[0].location.line == 11);
    CHECK(users.columns[1].name == "id");
    CHECK(users.columns[1].type.logical == Logical::BigInt);
    CHECK(users.columns[1].identity);
    CHECK_FALSE(users.columns[1].nullable);
    CHECK(users.columns[1].location.line == 16);
    CHECK(users.columns[1].location.column == 56);
    CHECK(users.columns[2].name == "email");
    CHECK(users.columns[2].type.logical == Logical::Text);
    CHECK(users.columns[2].type.length == std::optional<unsigned>(255));
    CHECK_FALSE(users.columns[2].nullable);
    CHECK(users.columns[3].name == "full_name");
    CHECK(users.columns[3].type.logical == Logical::Text);
    CHECK_FALSE(users.columns[3].type.length);
    CHECK(users.columns[3].nullable);
    CHECK_FALSE(users.columns[3].server_default);
    REQUIRE(users.primary_key);
    CHECK(users.primary_key->name.empty());
    CHECK(users.primary_key->columns == std::vector<std::string>{"id"});
    REQUIRE(users.uniques.size() == 1);
    CHECK(users.uniques[0].name == "uq_users_email");
    CHECK(users.uniques[0].columns == std::vector<std::string>{"email"});
    CHECK(users.indexes.empty());
    CHECK(users.foreign_keys.empty());
    CHECK(users.checks.empty());

    const auto& orders = s.tables[1];
    CHECK(orders.name == "orders");
    CHECK(orders.comment.empty());
    REQUIRE(orders.columns.size() == 6);
    std::vector<std::string> names;
    for (const auto& c : orders.columns) names.push_back(c.name);
    CHECK(names == std::vector<std::string>{"created_at", "id", "user_id", "total_cents", "status",
                                            "amount"});
    CHECK(orders.columns[2].type.logical == Logical::BigInt);
    CHECK(orders.columns[3].type.logical == Logical::BigInt);
    CHECK(orders.columns[4].type.logical == Logical::Enum);
    CHECK(orders.columns[4].type.enum_name == "order_status");
    CHECK(orders.columns[5].type.logical == Logical::None);
    CHECK(orders.columns[5].type.sql == "NUMERIC(12,2)");
    for (const auto& c : orders.columns) CHECK_FALSE(c.nullable);
    REQUIRE(orders.primary_key);
    CHECK(orders.primary_key->columns == std::vector<std::string>{"id"});
    REQUIRE(orders.foreign_keys.size() == 1);
    const auto& fk = orders.foreign_keys[0];
    CHECK(fk.name == "fk_orders_user_id_users");
    CHECK(fk.columns == std::vector<std::string>{"user_id"});
    CHECK(fk.ref_table == "users");
    CHECK(fk.ref_columns == std::vector<std::string>{"id"});
    CHECK(fk.on_delete == schema::ReferentialAction::Cascade);
    CHECK(fk.on_update == schema::ReferentialAction::NoAction);
    REQUIRE(orders.indexes.size() == 2);
    CHECK(orders.indexes[0].name == "ix_orders_user_id");
    CHECK(orders.indexes[0].columns == std::vector<std::string>{"user_id"});
    CHECK(orders.indexes[1].name == "ix_orders_user_created");
    CHECK(orders.indexes[1].columns == std::vector<std::string>{"user_id", "created_at"});
    CHECK_FALSE(orders.indexes[1].unique);
    REQUIRE(orders.checks.size() == 1);
    CHECK(orders.checks[0].name == "ck_orders_total");
    CHECK(orders.checks[0].expression == "total_cents >= 0");
}

}  // namespace autogen::scan
