// Shared cases of the SQLite planner tests (header-only, for *_test.cpp only): a base
// schema with rows, and a table of changes to it. sqlite_planner_test.cpp applies each
// with hand-written operations, sqlite_fixpoint_test.cpp with the differ's.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "schema/operation.hpp"

namespace autogen::testing::sqlite_cases {

using namespace autogen::schema;

inline Column column(std::string name, Logical l, bool nullable = false,
                     std::optional<std::string> def = {}) {
    return Column{.name = std::move(name),
                  .type = {.logical = l},
                  .nullable = nullable,
                  .server_default = std::move(def)};
}

/// users <- orders (ON DELETE CASCADE), both with rows; memberships with a single-column key.
inline Schema base() {
    Schema s;
    s.enums.push_back({.name = "order_status", .labels = {"pending", "paid", "shipped"}});
    Table users{.name = "users"};
    users.columns = {column("id", Logical::BigInt),
                     Column{.name = "email", .type = {.logical = Logical::Text, .length = 255}},
                     column("full_name", Logical::Text, true),
                     column("nickname", Logical::Text, true)};
    users.columns[0].identity = true;
    users.primary_key = PrimaryKey{.columns = {"id"}};
    users.uniques = {{.name = "uq_users_email", .columns = {"email"}}};
    users.indexes = {{.name = "ix_users_nickname", .columns = {"nickname"}}};
    Table orders{.name = "orders"};
    orders.columns = {
        column("id", Logical::BigInt), column("user_id", Logical::BigInt),
        column("total_cents", Logical::BigInt, false, "0"),
        Column{.name = "status", .type = {.logical = Logical::Enum, .enum_name = "order_status"}}};
    orders.columns[0].identity = true;
    orders.primary_key = PrimaryKey{.columns = {"id"}};
    orders.foreign_keys = {{.name = "fk_orders_user_id",
                            .columns = {"user_id"},
                            .ref_table = "users",
                            .ref_columns = {"id"},
                            .on_delete = ReferentialAction::Cascade}};
    orders.indexes = {{.name = "ix_orders_user_id", .columns = {"user_id"}}};
    orders.checks = {{.name = "ck_orders_total", .expression = "total_cents >= 0"}};
    Table members{.name = "memberships"};
    members.columns = {column("user_id", Logical::Integer), column("group_id", Logical::Integer),
                       column("role", Logical::Text, false, "'member'")};
    members.primary_key = PrimaryKey{.columns = {"user_id", "group_id"}};
    Table categories{.name = "categories"};
    categories.columns = {column("id", Logical::BigInt), column("parent_id", Logical::BigInt, true),
                          column("title", Logical::Text)};
    categories.columns[0].identity = true;
    categories.primary_key = PrimaryKey{.columns = {"id"}};
    categories.foreign_keys = {{.name = "fk_categories_parent",
                                .columns = {"parent_id"},
                                .ref_table = "categories",
                                .ref_columns = {"id"},
                                .on_delete = ReferentialAction::Cascade}};
    s.tables = {users, orders, members, categories};
    return s;
}

inline const char* const kSeed =
    "INSERT INTO users (id, email, full_name, nickname) VALUES (1, 'a@x', 'Ann', 'an'), (2, 'b@x', "
    "NULL, NULL), "
    "(7, 'c@x', 'Cy', 'cy');"
    "INSERT INTO orders (id, user_id, total_cents, status) VALUES (1, 1, 100, 'paid'), (2, 1, 0, "
    "'pending'), "
    "(3, 7, 250, 'shipped'), (9, 2, 5, 'paid');"
    "INSERT INTO memberships (user_id, group_id) VALUES (1, 10), (2, 10), (7, 11);"
    "INSERT INTO categories (id, parent_id, title) VALUES (1, NULL, 'root'), (2, 1, 'a'), (3, 2, "
    "'b'), (4, 1, 'c')";

inline Table& table(Schema& s, const std::string& name) { return *s.find_table(name); }
inline const Table& table(const Schema& s, const std::string& name) { return *s.find_table(name); }
inline const Column& col(const Schema& s, const std::string& t, const std::string& c) {
    return *table(s, t).find_column(c);
}
inline TableRef ref(const std::string& t) { return TableRef{"", t}; }

struct Case {
    const char* name;
    std::function<void(Schema&)> change;  ///< before (base) -> after model
    std::function<std::vector<Operation>(const Schema& from, const Schema& to)> ops;
    /// Queries whose rows must be the same before (first) and after (second) the upgrade.
    std::vector<std::pair<std::string, std::string>> kept;
    bool rebuild;  ///< does the upgrade rebuild a table?
};

inline const std::string kUsers = "SELECT id, email FROM users ORDER BY id";
inline const std::string kOrders =
    "SELECT id, user_id, total_cents, status FROM orders ORDER BY id";
inline const std::string kCategories = "SELECT id, parent_id, title FROM categories ORDER BY id";
inline const std::string kMembers = "SELECT user_id, group_id, role FROM memberships ORDER BY 1, 2";

inline std::vector<Case> cases() {
    return {
        {"add a nullable column in place",
         [](Schema& s) {
             table(s, "users")
                 .columns.push_back(Column{.name = "phone",
                                           .type = {.logical = Logical::Text, .length = 20},
                                           .nullable = true});
         },
         [](const Schema&, const Schema& to) {
             return std::vector<Operation>{AddColumn{ref("users"), col(to, "users", "phone")}};
         },
         {{kUsers, kUsers}, {kOrders, kOrders}},
         false},
        {"add a NOT NULL column with a constant default in place",
         [](Schema& s) {
             table(s, "orders").columns.push_back(column("note", Logical::Text, false, "'none'"));
         },
         [](const Schema&, const Schema& to) {
             return std::vector<Operation>{AddColumn{ref("orders"), col(to, "orders", "note")}};
         },
         {{kOrders, kOrders}},
         false},
        {"add a column with CURRENT_TIMESTAMP default: rebuild of a referenced table",
         [](Schema& s) {
             table(s, "users")
                 .columns.push_back(
                     column("created_at", Logical::TimestampTz, false, "CURRENT_TIMESTAMP"));
         },
         [](const Schema&, const Schema& to) {
             return std::vector<Operation>{AddColumn{ref("users"), col(to, "users", "created_at")}};
         },
         {{kUsers, kUsers}, {kOrders, kOrders}},
         true},
        {"drop a plain column in place",
         [](Schema& s) {
             auto& c = table(s, "users").columns;
             c.erase(c.begin() + 2);
         },
         [](const Schema& from, const Schema&) {
             return std::vector<Operation>{
                 DropColumn{ref("users"), col(from, "users", "full_name")}};
         },
         {{kUsers, kUsers}},
         false},
        {"drop an indexed column: rebuild",
         [](Schema& s) {
             auto& t = table(s, "users");
             t.columns.pop_back();
             t.indexes.clear();
         },
         [](const Schema& from, const Schema&) {
             return std::vector<Operation>{
                 DropIndex{ref("users"), table(from, "users").indexes[0]},
                 DropColumn{ref("users"), col(from, "users", "nickname")}};
         },
         {{kUsers, kUsers}, {kOrders, kOrders}},
         true},
        {"rename a column in place",
         [](Schema& s) {
             auto* c = table(s, "users").find_column("full_name");
             c->name = "display_name";
             c->renamed_from = "full_name";
         },
         [](const Schema&, const Schema&) {
             return std::vector<Operation>{RenameColumn{ref("users"), "full_name", "display_name"}};
         },
         {{"SELECT id, full_name FROM users ORDER BY id",
           "SELECT id, display_name FROM users ORDER BY id"}},
         false},
        {"rename a referenced table in place: references follow",
         [](Schema& s) {
             table(s, "users").renamed_from = "users";
             table(s, "users").name = "accounts";
             table(s, "orders").foreign_keys[0].ref_table = "accounts";
         },
         [](const Schema&, const Schema&) {
             return std::vector<Operation>{RenameTable{ref("users"), "accounts"}};
         },
         {{kUsers, "SELECT id, email FROM accounts ORDER BY id"}, {kOrders, kOrders}},
         false},
        {"change a column type: rebuild",
         [](Schema& s) {
             table(s, "orders").find_column("total_cents")->type.logical = Logical::Integer;
         },
         [](const Schema& from, const Schema& to) {
             return std::vector<Operation>{
                 AlterColumn{ref("orders"), col(from, "orders", "total_cents"),
                             col(to, "orders", "total_cents"), kChangeType}};
         },
         {{kOrders, kOrders}},
         true},
        {"make a column NOT NULL with a default: NULLs take the default",
         [](Schema& s) {
             auto* c = table(s, "users").find_column("full_name");
             c->nullable = false;
             c->server_default = "'anon'";
         },
         [](const Schema& from, const Schema& to) {
             return std::vector<Operation>{
                 AlterColumn{ref("users"), col(from, "users", "full_name"),
                             col(to, "users", "full_name"), kChangeNullability | kChangeDefault}};
         },
         {{kUsers, kUsers},
          {"SELECT count(*) FROM users WHERE full_name IS NOT NULL",
           "SELECT count(*) - 1 FROM users"}},
         true},
        {"add and drop a foreign key",
         [](Schema& s) {
             auto& m = table(s, "memberships");
             m.foreign_keys.push_back({.name = "fk_memberships_user",
                                       .columns = {"user_id"},
                                       .ref_table = "users",
                                       .ref_columns = {"id"},
                                       .on_update = ReferentialAction::Restrict});
         },
         [](const Schema&, const Schema& to) {
             return std::vector<Operation>{
                 AddForeignKey{ref("memberships"), table(to, "memberships").foreign_keys[0]}};
         },
         {{kMembers, kMembers}},
         true},
        {"add a unique constraint and a check",
         [](Schema& s) {
             auto& u = table(s, "users");
             u.uniques.push_back(
                 {.name = "uq_users_nick_name", .columns = {"nickname", "full_name"}});
             u.checks.push_back({.name = "ck_users_email", .expression = "email LIKE '%@%'"});
         },
         [](const Schema&, const Schema& to) {
             const auto& u = table(to, "users");
             return std::vector<Operation>{AddUnique{ref("users"), u.uniques[1]},
                                           AddCheck{ref("users"), u.checks[0]}};
         },
         {{kUsers, kUsers}, {kOrders, kOrders}},
         true},
        {"change a composite primary key",
         [](Schema& s) {
             table(s, "memberships").primary_key = PrimaryKey{.columns = {"group_id", "user_id"}};
         },
         [](const Schema& from, const Schema& to) {
             return std::vector<Operation>{AlterPrimaryKey{ref("memberships"),
                                                           table(from, "memberships").primary_key,
                                                           table(to, "memberships").primary_key}};
         },
         {{kMembers, kMembers}},
         true},
        {"change enum labels: the CHECK is rebuilt, the enum op is a no-op",
         [](Schema& s) {
             s.enums[0].labels = {"pending", "paid", "shipped", "refunded"};
         },
         [](const Schema& from, const Schema& to) {
             const auto& fc = table(from, "orders").checks;
             const auto& tc = table(to, "orders").checks;
             auto enum_check = [](const std::vector<CheckConstraint>& v) {
                 for (const auto& c : v)
                     if (c.name == "ck_orders_status_enum") return c;
                 return CheckConstraint{};
             };
             return std::vector<Operation>{AlterEnum{from.enums[0], to.enums[0]},
                                           DropCheck{ref("orders"), enum_check(fc)},
                                           AddCheck{ref("orders"), enum_check(tc)}};
         },
         {{kOrders, kOrders}},
         true},
        {"create a table with an index, in place",
         [](Schema& s) {
             Table t{.name = "tags"};
             t.columns = {column("id", Logical::Integer), column("label", Logical::Text),
                          column("blob", Logical::Blob, true)};
             t.columns[0].identity = true;
             t.primary_key = PrimaryKey{.columns = {"id"}};
             t.indexes = {{.name = "ix_tags_label",
                           .columns = {"label", "(lower(label))"},
                           .unique = true,
                           .where = "blob IS NULL"}};
             s.tables.push_back(t);
         },
         [](const Schema&, const Schema& to) {
             return std::vector<Operation>{CreateTable{table(to, "tags")}};
         },
         {{kUsers, kUsers}},
         false},
        {"several operations on one table: one rebuild, renames keep data",
         [](Schema& s) {
             auto& u = table(s, "users");
             u.find_column("full_name")->renamed_from = "full_name";
             u.find_column("full_name")->name = "display_name";
             u.find_column("email")->type.length = 320;
             u.indexes = {{.name = "ix_users_display", .columns = {"display_name"}}};
             u.checks.push_back({.name = "ck_users_id", .expression = "id > 0"});
         },
         [](const Schema& from, const Schema& to) {
             const auto& u = table(to, "users");
             return std::vector<Operation>{RenameColumn{ref("users"), "full_name", "display_name"},
                                           AlterColumn{ref("users"), col(from, "users", "email"),
                                                       col(to, "users", "email"), kChangeType},
                                           DropIndex{ref("users"), table(from, "users").indexes[0]},
                                           CreateIndex{ref("users"), u.indexes[0]},
                                           AddCheck{ref("users"), u.checks[0]}};
         },
         {{"SELECT id, email, full_name FROM users ORDER BY id",
           "SELECT id, email, display_name FROM users ORDER BY id"},
          {kOrders, kOrders}},
         true},
        {"rename a table and change it: one rebuild under the new name",
         [](Schema& s) {
             auto& m = table(s, "memberships");
             m.renamed_from = "memberships";
             m.name = "members";
             m.checks.push_back({.name = "ck_members_group", .expression = "group_id > 0"});
         },
         [](const Schema&, const Schema& to) {
             return std::vector<Operation>{
                 RenameTable{ref("memberships"), "members"},
                 AddCheck{ref("members"), table(to, "members").checks[0]}};
         },
         {{kMembers, "SELECT user_id, group_id, role FROM members ORDER BY 1, 2"}},
         true},
        // Found by the property test: the rebuild copied "users" into a new table under
        // the new name and dropped "users", leaving the orders' references on a name
        // that no longer existed.
        {"rename a referenced table and change it: references follow the rename, then the rebuild",
         [](Schema& s) {
             auto& u = table(s, "users");
             u.renamed_from = "users";
             u.name = "accounts";
             u.checks.push_back({.name = "ck_accounts_email", .expression = "email <> ''"});
             table(s, "orders").foreign_keys[0].ref_table = "accounts";
         },
         [](const Schema&, const Schema& to) {
             return std::vector<Operation>{
                 RenameTable{ref("users"), "accounts"},
                 AddCheck{ref("accounts"), table(to, "accounts").checks[0]}};
         },
         {{kUsers, "SELECT id, email FROM accounts ORDER BY id"}, {kOrders, kOrders}},
         true},
        {"rebuild a self-referencing table: rows and references kept, no cascade",
         [](Schema& s) {
             auto& c = table(s, "categories");
             c.find_column("title")->type.length = 80;
             c.checks.push_back({.name = "ck_categories_parent",
                                 .expression = "parent_id IS NULL OR parent_id <> id"});
         },
         [](const Schema& from, const Schema& to) {
             return std::vector<Operation>{
                 AlterColumn{ref("categories"), col(from, "categories", "title"),
                             col(to, "categories", "title"), kChangeType},
                 AddCheck{ref("categories"), table(to, "categories").checks[0]}};
         },
         {{kCategories, kCategories}},
         true},
        {"comments are a no-op",
         [](Schema& s) { table(s, "users").comment = "People"; },
         [](const Schema&, const Schema&) {
             return std::vector<Operation>{SetTableComment{ref("users"), "", "People"}};
         },
         {{kUsers, kUsers}},
         false},
    };
}

}  // namespace autogen::testing::sqlite_cases
