// Shared cases of the PostgreSQL planner tests (header-only, for *_test.cpp only): a base
// model schema with rows, and one change per operation kind. postgres_golden_test.cpp
// renders each case's SQL into tests/golden/postgresql/<name>.sql;
// postgres_roundtrip_test.cpp applies it to a real server and back.
#pragma once

#include <functional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "schema/operation.hpp"
#include "tests/support/sqlite_test_cases.hpp"

namespace autogen::testing::postgres_cases {

using namespace autogen::schema;

using sqlite_cases::column;

inline Column enum_column(std::string name, std::string enum_name, bool nullable = false,
                          std::optional<std::string> def = {}) {
    return Column{.name = std::move(name),
                  .type = {.logical = Logical::Enum, .enum_name = std::move(enum_name)},
                  .nullable = nullable,
                  .server_default = std::move(def)};
}

inline Table& table(Schema& s, const std::string& name, const std::string& schema_name = {}) {
    return *s.find_table(name, schema_name);
}
inline Column& column_of(Schema& s, const std::string& t, const std::string& c) {
    return *table(s, t).find_column(c);
}

/// users <- orders (ON DELETE CASCADE, enum status with a default and a partial index
/// on one label), memberships with a composite key, categories referencing itself with
/// a generated column.
inline Schema base() {
    // The SQLite cases' schema, with what only a real enum type allows: a fourth label,
    // an enum default and a partial index on the enum column.
    Schema s = sqlite_cases::base();
    s.enums[0].labels.push_back("cancelled");
    Table& orders = *s.find_table("orders");
    *orders.find_column("status") = enum_column("status", "order_status", false, "'pending'");
    orders.indexes.push_back(
        {.name = "ix_orders_paid", .columns = {"user_id"}, .where = "status = 'paid'"});
    // A generated (STORED) column, which every change to categories must keep computed
    // and never copy into (SQLite's rebuilds).
    Column slug{.name = "slug", .type = {.logical = Logical::Text}};
    slug.generated = "lower(title)";
    s.find_table("categories")->columns.push_back(slug);
    return s;
}

// The same rows as the SQLite cases (a statement list both dialects accept).
using sqlite_cases::kCategories;
using sqlite_cases::kMembers;
using sqlite_cases::kOrders;
using sqlite_cases::kSeed;
using sqlite_cases::kUsers;

struct Case {
    const char* name;                     ///< also the golden file's name
    std::function<void(Schema&)> change;  ///< base model -> target model
    /// Queries whose rows must be the same before (first) and after (second) the upgrade.
    std::vector<std::pair<std::string, std::string>> kept = {};
    bool with_rows = true;  ///< false: the upgrade is meant to fail on the seeded rows
};

inline Table tags_table() {
    Table t{.name = "tags", .comment = "Labels on things"};
    t.columns = {column("id", Logical::Integer),
                 Column{.name = "label",
                        .type = {.logical = Logical::Text, .length = 40},
                        .collation = "C",
                        .comment = "shown to users; it's unique"},
                 column("data", Logical::Blob, true),
                 column("created_at", Logical::TimestampTz, false, "CURRENT_TIMESTAMP"),
                 column("day", Logical::Date, true),
                 column("score", Logical::Real, false, "0"),
                 column("ratio", Logical::Double, true),
                 column("flag", Logical::Boolean, false, "false"),
                 column("small", Logical::SmallInt, true),
                 column("owner_id", Logical::Integer, true),
                 column("group_id", Logical::Integer, true),
                 Column{.name = "amount", .type = {.sql = "NUMERIC(12,2)"}, .nullable = true}};
    t.columns[0].identity = true;
    t.primary_key = PrimaryKey{.columns = {"id"}};
    t.uniques = {{.name = "uq_tags_label", .columns = {"label"}}};
    t.foreign_keys = {{.name = "fk_tags_membership",
                       .columns = {"owner_id", "group_id"},
                       .ref_table = "memberships",
                       .ref_columns = {"user_id", "group_id"},
                       .on_delete = ReferentialAction::SetNull,
                       .on_update = ReferentialAction::Cascade}};
    t.indexes = {{.name = "ix_tags_lower_label",
                  .columns = {"(lower(label))"},
                  .unique = true,
                  .where = "data IS NULL"}};
    t.checks = {{.name = "ck_tags_score", .expression = "score >= 0 AND score <= 1"}};
    return t;
}

inline std::vector<Case> cases() {
    return {
        {"create_table", [](Schema& s) { s.tables.push_back(tags_table()); }, {{kUsers, kUsers}}},
        {"drop_table",
         [](Schema& s) { s.tables.pop_back(); },
         {{kUsers, kUsers}, {kOrders, kOrders}}},
        {"rename_table",
         [](Schema& s) {
             auto& m = table(s, "memberships");
             m.renamed_from = "memberships";
             m.name = "members";
         },
         {{kMembers, "SELECT user_id, group_id, role FROM members ORDER BY 1, 2"}}},
        {"add_column",
         [](Schema& s) {
             table(s, "users")
                 .columns.push_back(Column{.name = "phone",
                                           .type = {.logical = Logical::Text, .length = 20},
                                           .nullable = true,
                                           .comment = "E.164"});
         },
         {{kUsers, kUsers}}},
        {"add_column_not_null_with_default",
         [](Schema& s) {
             table(s, "orders").columns.push_back(column("note", Logical::Text, false, "'none'"));
         },
         {{kOrders, kOrders}}},
        {"add_column_not_null_without_default",
         [](Schema& s) { table(s, "orders").columns.push_back(column("note", Logical::Text)); },
         {},
         false},
        {"drop_column",
         [](Schema& s) {
             auto& c = table(s, "users").columns;
             c.erase(c.begin() + 2);
         },
         {{kUsers, kUsers}}},
        {"rename_column",
         [](Schema& s) {
             auto& c = column_of(s, "users", "full_name");
             c.name = "display_name";
             c.renamed_from = "full_name";
         },
         {{"SELECT id, full_name FROM users ORDER BY id",
           "SELECT id, display_name FROM users ORDER BY id"}}},
        {"alter_type_widen",
         [](Schema& s) { column_of(s, "memberships", "user_id").type.logical = Logical::BigInt; },
         {{kMembers, kMembers}}},
        {"alter_type_narrow",
         [](Schema& s) { column_of(s, "users", "email").type.length = 100; },
         {{kUsers, kUsers}}},
        {"alter_type_using",
         [](Schema& s) {
             auto& c = column_of(s, "orders", "total_cents");
             c.type.logical = Logical::Text;
             c.server_default = "'0'";
             table(s, "orders").checks.clear();  // total_cents >= 0 has no meaning for text
         },
         {{kOrders, kOrders}}},
        {"tighten_with_default",
         [](Schema& s) {
             auto& c = column_of(s, "users", "nickname");
             c.nullable = false;
             c.server_default = "'anon'";
         },
         {{kUsers, kUsers},
          {"SELECT count(*) FROM users WHERE nickname IS NOT NULL",
           "SELECT count(*) - 1 FROM users"}}},
        {"tighten_without_default",
         [](Schema& s) { column_of(s, "users", "full_name").nullable = false; },
         {},
         false},
        {"loosen",
         [](Schema& s) { column_of(s, "orders", "total_cents").nullable = true; },
         {{kOrders, kOrders}}},
        {"alter_default",
         [](Schema& s) {
             column_of(s, "users", "full_name").server_default = "'n/a'";
             column_of(s, "memberships", "role").server_default.reset();
             column_of(s, "orders", "total_cents").server_default = "-1";
         },
         {{kUsers, kUsers}, {kMembers, kMembers}}},
        {"identity_drop",
         [](Schema& s) { column_of(s, "categories", "id").identity = false; },
         {{kCategories, kCategories}}},
        {"generated_add",
         [](Schema& s) {
             Column c{.name = "total_doubled", .type = {.logical = Logical::BigInt}};
             c.generated = "total_cents * 2";
             table(s, "orders").columns.push_back(c);
         },
         {{kOrders, kOrders}}},
        {"generated_expression",
         [](Schema& s) { column_of(s, "categories", "slug").generated = "upper(title)"; },
         {{kCategories, kCategories}}},
        {"table_options",
         [](Schema& s) {
             table(s, "orders").options = {
                 .unlogged = true,
                 .storage_parameters = {"autovacuum_enabled=false", "fillfactor=70"}};
         },
         {{kOrders, kOrders}}},
        {"collation",
         [](Schema& s) { column_of(s, "users", "nickname").collation = "C"; },
         {{kUsers, kUsers}}},
        {"comments",
         [](Schema& s) {
             table(s, "users").comment = "People who can sign in";
             column_of(s, "users", "email").comment = "login; 'unique'";
         },
         {{kUsers, kUsers}}},
        {"primary_key",
         [](Schema& s) {
             table(s, "memberships").primary_key->columns = {"group_id", "user_id"};
         },
         {{kMembers, kMembers}}},
        {"foreign_key",
         [](Schema& s) {
             table(s, "memberships")
                 .foreign_keys.push_back({.name = "fk_memberships_user",
                                          .columns = {"user_id"},
                                          .ref_table = "users",
                                          .ref_columns = {"id"},
                                          .on_delete = ReferentialAction::Cascade,
                                          .on_update = ReferentialAction::Restrict});
             table(s, "orders").foreign_keys.clear();
         },
         {{kMembers, kMembers}, {kOrders, kOrders}}},
        {"unique",
         [](Schema& s) {
             auto& u = table(s, "users");
             u.uniques = {{.name = "uq_users_nick_name", .columns = {"nickname", "full_name"}}};
         },
         {{kUsers, kUsers}}},
        {"index",
         [](Schema& s) {
             table(s, "users").indexes = {{.name = "ix_users_email_lower",
                                           .columns = {"(lower(email))", "id"},
                                           .unique = true,
                                           .where = "nickname IS NOT NULL"}};
         },
         {{kUsers, kUsers}}},
        {"check",
         [](Schema& s) {
             table(s, "users")
                 .checks.push_back({.name = "ck_users_email", .expression = "email LIKE '%@%'"});
             table(s, "orders").checks.clear();
         },
         {{kUsers, kUsers}, {kOrders, kOrders}}},
        {"enum_create",
         [](Schema& s) {
             s.enums.push_back({.name = "priority", .labels = {"low", "high"}});
             table(s, "orders").columns.push_back(enum_column("priority", "priority", true));
         },
         {{kOrders, kOrders}}},
        {"enum_add_value",
         [](Schema& s) {
             s.enums[0].labels = {"draft", "pending", "paid", "shipped", "refunded", "cancelled"};
         },
         {{kOrders, kOrders}}},
        {"enum_add_value_used",
         [](Schema& s) {
             s.enums[0].labels.push_back("refunded");
             column_of(s, "orders", "status").server_default = "'refunded'";
         },
         {{kOrders, kOrders}}},
        {"enum_rename_value",
         [](Schema& s) {
             s.enums[0].labels = {"pending", "paid", "delivered", "cancelled"};
         },
         {{"SELECT id, replace(status::text, 'shipped', 'delivered') FROM orders ORDER BY id",
           "SELECT id, status FROM orders ORDER BY id"}}},
        {"enum_drop_label", [](Schema& s) { s.enums[0].labels.pop_back(); }, {{kOrders, kOrders}}},
        {"enum_reorder",
         [](Schema& s) {
             s.enums[0].labels = {"pending", "shipped", "paid", "cancelled"};
         },
         {{kOrders, kOrders}}},
        {"schema_table",
         [](Schema& s) {
             s.enums.push_back({.schema = "sales", .name = "currency", .labels = {"eur", "usd"}});
             Table inv{.schema = "sales", .name = "invoices"};
             inv.columns = {column("id", Logical::BigInt), column("user_id", Logical::BigInt),
                            Column{.name = "currency",
                                   .type = {.logical = Logical::Enum, .enum_name = "currency"},
                                   .server_default = "'eur'"}};
             inv.columns[0].identity = true;
             inv.primary_key = PrimaryKey{.columns = {"id"}};
             inv.foreign_keys = {{.name = "fk_invoices_user",
                                  .columns = {"user_id"},
                                  .ref_table = "users",
                                  .ref_columns = {"id"}}};
             inv.indexes = {{.name = "ix_invoices_user", .columns = {"user_id"}}};
             s.tables.push_back(inv);
         },
         {{kUsers, kUsers}}},
        {"foreign_key_cycle",
         [](Schema& s) {
             Table a{.name = "authors"}, b{.name = "books"};
             a.columns = {column("id", Logical::BigInt),
                          column("best_book_id", Logical::BigInt, true)};
             a.primary_key = PrimaryKey{.columns = {"id"}};
             a.foreign_keys = {{.name = "fk_authors_best_book",
                                .columns = {"best_book_id"},
                                .ref_table = "books",
                                .ref_columns = {"id"}}};
             b.columns = {column("id", Logical::BigInt), column("author_id", Logical::BigInt)};
             b.primary_key = PrimaryKey{.columns = {"id"}};
             b.foreign_keys = {{.name = "fk_books_author",
                                .columns = {"author_id"},
                                .ref_table = "authors",
                                .ref_columns = {"id"}}};
             s.tables.push_back(a);
             s.tables.push_back(b);
         },
         {{kUsers, kUsers}}},
    };
}

/// The cases with no SQLite meaning: schemas other than the main one; comments (SQLite
/// keeps none, so the change plans to nothing); UNLOGGED and storage parameters (a model
/// error there; SQLite's own table options are in tests/cli/table_options.txt).
inline const std::set<std::string>& cases_without_sqlite_meaning() {
    static const std::set<std::string> names = {"schema_table", "comments", "table_options"};
    return names;
}

/// SQLite's spelling of the cases' PostgreSQL-only details: no "C" collation.
inline Schema for_sqlite(Schema s) {
    for (auto& t : s.tables)
        for (auto& c : t.columns)
            if (c.collation == "C") c.collation = "NOCASE";
    return s;
}

}  // namespace autogen::testing::postgres_cases
