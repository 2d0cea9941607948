// The generic differ on in-memory schemas: what it detects, and in what order.
#include "diff/differ.hpp"

#include <doctest/doctest.h>

#include "diff/phrases.hpp"
#include "diff/postgres_rules.hpp"

using namespace autogen;
using namespace autogen::schema;

namespace {

/// Exact comparison: the rules a dialect would give after both sides went through
/// the same database normalisation.
struct ExactRules final : diff::DiffRules {
    bool names = true;
    bool pk_names = false;
    bool same_type(const Column& a, const Column& b) const override {
        return a.type.sql == b.type.sql;
    }
    bool same_default(const std::optional<std::string>& a,
                      const std::optional<std::string>& b) const override {
        return a == b;
    }
    bool same_expression(const std::string& a, const std::string& b) const override {
        return a == b;
    }
    bool keeps_constraint_names() const override { return names; }
    bool keeps_primary_key_name() const override { return pk_names; }
    /// The enum defaults here are spelled as a database with enum types keeps them
    /// ('x'::status): answered by that dialect's rules.
    std::optional<std::string> default_after_label_rename(
        const std::string& d, const std::string& old_literal,
        const std::string& new_literal) const override {
        return diff::make_postgres_rules()->default_after_label_rename(d, old_literal, new_literal);
    }
};

Column col(std::string name, std::string type, bool nullable = false) {
    Column c;
    c.name = std::move(name);
    c.type.sql = std::move(type);
    c.nullable = nullable;
    return c;
}

Table users() {
    Table t;
    t.name = "users";
    t.columns = {col("id", "INTEGER"), col("email", "TEXT")};
    t.primary_key = PrimaryKey{"", {"id"}};
    t.uniques = {UniqueConstraint{"uq_users_email", {"email"}}};
    return t;
}

Table orders() {
    Table t;
    t.name = "orders";
    t.columns = {col("id", "INTEGER"), col("user_id", "INTEGER")};
    t.primary_key = PrimaryKey{"", {"id"}};
    ForeignKey fk;
    fk.name = "fk_orders_user_id_users";
    fk.columns = {"user_id"};
    fk.ref_table = "users";
    fk.ref_columns = {"id"};
    fk.on_delete = ReferentialAction::Cascade;
    t.foreign_keys = {fk};
    t.indexes = {Index{"ix_orders_user_id", {"user_id"}}};
    return t;
}

std::vector<std::string> phrases(const std::vector<Operation>& ops) {
    std::vector<std::string> out;
    for (const auto& op : ops) out.push_back(diff::describe(op));
    return out;
}

}  // namespace

TEST_CASE("identical schemas give no operations") {
    Schema s{{users(), orders()}, {}};
    CHECK(diff::diff(s, s, ExactRules{}).empty());
}

TEST_CASE("new tables are created referenced-first, dropped referencing-first") {
    Schema empty;
    Schema full{{orders(), users()}, {}};  // declared in the "wrong" order on purpose
    auto up = diff::diff(empty, full, ExactRules{});
    CHECK(phrases(up) ==
          std::vector<std::string>{"added table \"users\"", "added table \"orders\""});
    auto down = diff::diff(full, empty, ExactRules{});
    CHECK(phrases(down) ==
          std::vector<std::string>{"removed table \"orders\" (no scanned file declares it)",
                                   "removed table \"users\" (no scanned file declares it)"});
}

TEST_CASE("column, index and table changes are each detected with their phrase") {
    Schema before{{users(), orders()}, {}};
    Schema after = before;
    Table& u = *after.find_table("users");
    u.columns.push_back(col("phone", "VARCHAR(20)", true));
    u.indexes.push_back(Index{"ix_users_phone", {"phone"}});
    u.find_column("email")->nullable = true;
    Table tags;
    tags.name = "tags";
    tags.columns = {col("id", "INTEGER")};
    after.tables.push_back(tags);

    auto ops = diff::diff(before, after, ExactRules{});
    CHECK(phrases(ops) == std::vector<std::string>{
                              "added table \"tags\"",
                              "changed column \"users\".\"email\": NOT NULL -> NULL",
                              "added column \"users\".\"phone\"",
                              "added index \"ix_users_phone\" on \"users\" (phone)",
                          });
}

TEST_CASE("a declared column rename is a rename, and constraints follow it") {
    Schema before{{users()}, {}};
    Schema after = before;
    Table& u = *after.find_table("users");
    u.columns[1].name = "mail";
    u.columns[1].renamed_from = "email";
    u.uniques[0].columns = {"mail"};
    auto ops = diff::diff(before, after, ExactRules{});
    REQUIRE(ops.size() == 1);
    CHECK(diff::describe(ops[0]) == "renamed column \"users\".\"email\" to \"mail\"");
}

TEST_CASE("a declared table rename is a rename") {
    Schema before{{users()}, {}};
    Schema after = before;
    after.tables[0].name = "people";
    after.tables[0].renamed_from = "users";
    auto ops = diff::diff(before, after, ExactRules{});
    REQUIRE(ops.size() == 1);
    CHECK(diff::describe(ops[0]) == "renamed table \"users\" to \"people\"");
}

TEST_CASE("constraints without reliable names match by definition") {
    Schema before{{users()}, {}};
    Schema after = before;
    after.tables[0].uniques[0].name = "sqlite_autoindex_users_1";
    ExactRules by_definition;
    by_definition.names = false;
    CHECK(diff::diff(before, after, by_definition).empty());
    ExactRules by_name;  // the same definition under another name: a rename
    auto ops = diff::diff(before, after, by_name);
    CHECK(phrases(ops) ==
          std::vector<std::string>{"renamed unique constraint of \"users\": "
                                   "\"uq_users_email\" -> \"sqlite_autoindex_users_1\""});
    after.tables[0].uniques[0].columns = {"id"};  // another definition: drop + add
    CHECK(diff::diff(before, after, by_name).size() == 2);
}

TEST_CASE("a constraint or index that differs only by its name is renamed, and renamed back") {
    Schema before{{users(), orders()}, {}};
    before.tables[1].checks = {CheckConstraint{"ck_orders_id", "id > 0"}};
    Schema after = before;
    Table& o = *after.find_table("orders");
    o.foreign_keys[0].name = "orders_user_id_fkey";
    o.indexes[0].name = "orders_user_id_idx";
    o.checks[0].name = "orders_id_check";
    after.tables[0].uniques[0].name = "users_email_key";
    auto ops = diff::diff(before, after, ExactRules{});
    CHECK(phrases(ops) ==
          std::vector<std::string>{
              "renamed foreign key constraint of \"orders\": \"fk_orders_user_id_users\" -> "
              "\"orders_user_id_fkey\"",
              "renamed check constraint of \"orders\": \"ck_orders_id\" -> \"orders_id_check\"",
              "renamed index of \"orders\": \"ix_orders_user_id\" -> \"orders_user_id_idx\"",
              "renamed unique constraint of \"users\": \"uq_users_email\" -> \"users_email_key\"",
          });
    for (const auto& op : ops) CHECK_FALSE(is_destructive(op));
    // The index carries its definition under the new name (SQLite drops and creates it).
    const auto& ix = std::get<RenameConstraint>(ops[2]);
    CHECK(ix.index.name == "orders_user_id_idx");
    CHECK(ix.index.columns == std::vector<std::string>{"user_id"});
    auto down = reverse(ops);
    REQUIRE(down.size() == 4);
    CHECK(phrases(down)[0] ==
          "renamed unique constraint of \"users\": \"users_email_key\" -> \"uq_users_email\"");
    CHECK(std::get<RenameConstraint>(down[1]).index.name == "ix_orders_user_id");
}

TEST_CASE("a constraint the database keeps unnamed is the model's of that definition") {
    // SQLite's inline REFERENCES, CHECK and UNIQUE have no name; the models name every
    // constraint. Renaming them would rebuild each table for a name nothing uses.
    Schema model{{users(), orders()}, {}};
    model.tables[1].checks = {CheckConstraint{"ck_orders_id", "id > 0"}};
    Schema db = model;
    db.find_table("orders")->foreign_keys[0].name = "";
    db.find_table("orders")->checks[0].name = "";
    db.find_table("users")->uniques[0].name = "";
    CHECK(diff::diff(db, model, ExactRules{}).empty());
    CHECK(diff::diff(model, db, ExactRules{}).empty());
    // A changed definition is still a change, named or not.
    model.find_table("orders")->checks[0].expression = "id > 1";
    CHECK(phrases(diff::diff(db, model, ExactRules{})) ==
          std::vector<std::string>{"removed check constraint \"\" on \"orders\"",
                                   "added check constraint \"ck_orders_id\" on \"orders\""});
}

TEST_CASE("foreign key, primary key and check changes") {
    Schema before{{users(), orders()}, {}};
    Schema after = before;
    Table& o = *after.find_table("orders");
    o.foreign_keys[0].on_delete = ReferentialAction::Restrict;
    o.primary_key->columns = {"id", "user_id"};
    o.checks.push_back(CheckConstraint{"ck_orders_id", "id > 0"});
    auto ops = diff::diff(before, after, ExactRules{});
    CHECK(phrases(ops) ==
          std::vector<std::string>{
              "removed foreign key \"fk_orders_user_id_users\" on \"orders\" (user_id)",
              "changed primary key of \"orders\": (id) -> (id, user_id)",
              "added foreign key \"fk_orders_user_id_users\" on \"orders\" (user_id) -> \"users\" "
              "(id)",
              "added check constraint \"ck_orders_id\" on \"orders\"",
          });
}

TEST_CASE("a foreign key waits for the key it references when another table changes it") {
    // "orders" sorts before "users": table by table, its new key would be added before
    // users.email is unique, and users' old primary key dropped while the key still
    // needs it.
    Schema before{{users(), orders()}, {}};
    Schema after = before;
    Table& u = *after.find_table("users");
    u.primary_key->columns = {"email"};
    Table& o = *after.find_table("orders");
    o.foreign_keys[0].ref_columns = {"email"};
    const std::vector<std::string> up{
        "removed foreign key \"fk_orders_user_id_users\" on \"orders\" (user_id)",
        "changed primary key of \"users\": (id) -> (email)",
        "added foreign key \"fk_orders_user_id_users\" on \"orders\" (user_id) -> \"users\" "
        "(email)",
    };
    CHECK(phrases(diff::diff(before, after, ExactRules{})) == up);
    const std::vector<std::string> down{
        "removed foreign key \"fk_orders_user_id_users\" on \"orders\" (user_id)",
        "changed primary key of \"users\": (email) -> (id)",
        "added foreign key \"fk_orders_user_id_users\" on \"orders\" (user_id) -> \"users\" "
        "(id)",
    };
    CHECK(phrases(diff::diff(after, before, ExactRules{})) == down);

    // A change to a table nobody references keeps its keys where they were.
    Schema indexed = before;
    indexed.find_table("orders")->indexes.clear();
    indexed.find_table("orders")->foreign_keys[0].on_delete = ReferentialAction::Restrict;
    CHECK(phrases(diff::diff(before, indexed, ExactRules{})) ==
          std::vector<std::string>{
              "removed foreign key \"fk_orders_user_id_users\" on \"orders\" (user_id)",
              "removed index \"ix_orders_user_id\" on \"orders\"",
              "added foreign key \"fk_orders_user_id_users\" on \"orders\" (user_id) -> "
              "\"users\" (id)",
          });
}

TEST_CASE("a primary key that differs only by its name is renamed, and renamed back") {
    Schema db{{users()}, {}};
    db.tables[0].primary_key->name = "pk_users";
    Schema models = db;
    ExactRules rules;
    rules.pk_names = true;
    SUBCASE("a model that leaves the key unnamed leaves the name to the database") {
        models.tables[0].primary_key->name = "";
        CHECK(diff::diff(db, models, rules).empty());
    }
    SUBCASE("a model that names it another way: a rename, never a change of columns") {
        models.tables[0].primary_key->name = "users_pkey";
        auto ops = diff::diff(db, models, rules);
        CHECK(phrases(ops) ==
              std::vector<std::string>{"renamed primary key constraint of "
                                       "\"users\": \"pk_users\" -> \"users_pkey\""});
        REQUIRE(ops.size() == 1);
        CHECK_FALSE(is_destructive(ops[0]));
        CHECK(phrases(reverse(ops)) ==
              std::vector<std::string>{"renamed primary key constraint of \"users\": "
                                       "\"users_pkey\" -> \"pk_users\""});
    }
    SUBCASE(
        "an unnamed key on either side (SQLite's unnamed key, the models' snapshot) is not "
        "compared") {
        db.tables[0].primary_key->name = "";
        models.tables[0].primary_key->name = "pk_users";
        CHECK(diff::diff(db, models, rules).empty());
        CHECK(diff::diff(models, db, rules).empty());
    }
    SUBCASE("a database that does not keep the name: nothing to compare") {
        models.tables[0].primary_key->name = "users_pkey";
        rules.pk_names = false;
        CHECK(diff::diff(db, models, rules).empty());
    }
}

TEST_CASE("the reverse of a diff is the diff back") {
    Schema before{{users()}, {}};
    Schema after{{users(), orders()}, {}};
    after.tables[0].columns.push_back(col("phone", "TEXT", true));
    auto up = diff::diff(before, after, ExactRules{});
    auto down = diff::diff(after, before, ExactRules{});
    auto reversed = reverse(up);
    CHECK(phrases(reversed) == phrases(down));
}

TEST_CASE("enums are created before tables and dropped after them") {
    Schema before;
    Schema after{{users()}, {Enum{"", "status", {"a", "b"}}}};
    auto ops = diff::diff(before, after, ExactRules{});
    REQUIRE(ops.size() == 2);
    CHECK(std::holds_alternative<CreateEnum>(ops[0]));
    auto back = diff::diff(after, before, ExactRules{});
    CHECK(std::holds_alternative<DropEnum>(back.back()));
    Schema relabel = after;
    relabel.enums[0].labels.push_back("c");
    auto alter = diff::diff(after, relabel, ExactRules{});
    REQUIRE(alter.size() == 1);
    CHECK(diff::describe(alter[0]) == "changed enum \"status\": (a, b) -> (a, b, c)");
}

TEST_CASE(
    "a constraint dropped over a renamed column names the old column, so its reverse is right") {
    Schema before{{users()}, {}};
    before.tables[0].indexes = {Index{"ix_users_email", {"email"}}};
    Schema after = before;
    Table& u = after.tables[0];
    u.columns[1].name = "mail";
    u.columns[1].renamed_from = "email";
    u.uniques[0].columns = {"mail"};
    u.indexes = {Index{"ix_users_mail", {"mail"}, /*unique=*/true}};  // not just renamed
    auto ops = diff::diff(before, after, ExactRules{});
    // rename, drop the old index, create the new one
    REQUIRE(ops.size() == 3);
    const auto& dropped = std::get<DropIndex>(ops[0]);
    CHECK(dropped.index.columns == std::vector<std::string>{"email"});
    // The downgrade re-creates it on the column as it is named again by then.
    auto down = reverse(ops);
    const auto& recreated = std::get<CreateIndex>(down.back());
    CHECK(recreated.index.columns == std::vector<std::string>{"email"});
}

TEST_CASE(
    "a foreign-key cycle: tables created first, the closing key added after, dropped the other "
    "way") {
    // users.best_order_id -> orders, orders.user_id -> users: no order of CREATE TABLE
    // statements satisfies both references.
    Table u = users();
    u.columns.push_back(col("best_order_id", "INTEGER", true));
    ForeignKey best;
    best.name = "fk_users_best_order";
    best.columns = {"best_order_id"};
    best.ref_table = "orders";
    best.ref_columns = {"id"};
    u.foreign_keys = {best};
    Schema full{{u, orders()}, {}};
    auto up = diff::diff(Schema{}, full, ExactRules{});
    CHECK(phrases(up) == std::vector<std::string>{
                             "added table \"users\"",
                             "added table \"orders\"",
                             "added foreign key \"fk_users_best_order\" on \"users\" "
                             "(best_order_id) -> \"orders\" (id)",
                         });
    REQUIRE(std::holds_alternative<CreateTable>(up[0]));
    CHECK(std::get<CreateTable>(up[0]).table.foreign_keys.empty());  // the cycle's key comes later
    CHECK(std::get<CreateTable>(up[1]).table.foreign_keys.size() == 1);

    auto down = diff::diff(full, Schema{}, ExactRules{});
    REQUIRE(down.size() == 3);
    CHECK(std::holds_alternative<DropForeignKey>(down[0]));
    CHECK(diff::describe(down[1]).find("\"orders\"") != std::string::npos);
    REQUIRE(std::holds_alternative<DropTable>(down[2]));
    CHECK(std::get<DropTable>(down[2]).table.foreign_keys.empty());
    CHECK(phrases(reverse(up)) == phrases(down));
}

// Found by the PostgreSQL property test: the keys referencing a renamed table were
// dropped and added again (the database moves them with the rename), and the reverse
// of that drop, run in the downgrade before the table got its old name back, pointed
// at a table that did not exist yet.
TEST_CASE("a foreign key follows the rename of the table (and key column) it references") {
    Schema before{{users(), orders()}, {}};
    Schema after = before;
    after.tables[0].name = "people";
    after.tables[0].renamed_from = "users";
    after.tables[0].columns[0].name = "person_id";
    after.tables[0].columns[0].renamed_from = "id";
    after.tables[0].primary_key->columns = {"person_id"};
    after.tables[1].foreign_keys[0].ref_table = "people";
    after.tables[1].foreign_keys[0].ref_columns = {"person_id"};
    auto ops = diff::diff(before, after, ExactRules{});
    CHECK(phrases(ops) ==
          std::vector<std::string>{"renamed table \"users\" to \"people\"",
                                   "renamed column \"people\".\"id\" to \"person_id\""});
}

TEST_CASE(
    "a dropped key or table that referenced a renamed table names it as it is called when the drop "
    "runs") {
    Schema before{{users(), orders()}, {}};
    Schema after = before;
    after.tables[0].name = "people";
    after.tables[0].renamed_from = "users";
    after.tables[1].foreign_keys[0].on_delete =
        ReferentialAction::Restrict;  // redefined: dropped and added
    auto ops = diff::diff(before, after, ExactRules{});
    REQUIRE(ops.size() == 3);
    REQUIRE(std::holds_alternative<DropForeignKey>(ops[1]));
    CHECK(std::get<DropForeignKey>(ops[1]).key.ref_table == "people");  // the rename ran first

    after.tables.pop_back();  // orders goes, users is renamed
    ops = diff::diff(before, after, ExactRules{});
    REQUIRE(ops.size() == 2);
    REQUIRE(std::holds_alternative<DropTable>(ops[1]));
    CHECK(std::get<DropTable>(ops[1]).table.foreign_keys[0].ref_table == "people");
}

namespace {

Schema with_status(std::vector<std::string> labels, std::string default_label) {
    Enum e{.name = "status", .labels = std::move(labels)};
    Table t = orders();
    Column c = col("status", "status");
    c.type.enum_name = "status";
    c.server_default = "'" + default_label + "'::status";
    t.columns.push_back(c);
    return Schema{{users(), t}, {e}};
}

}  // namespace

// Found by the PostgreSQL property test: the downgrade set a column default to a label
// that the reversed enum change, run after it, had not brought back yet.
TEST_CASE(
    "enum labels: additions before the tables, removals after, so the downgrade runs in the right "
    "order too") {
    SUBCASE("a label added and used as default: the reverse removes it last") {
        auto ops = diff::diff(with_status({"a", "b"}, "a"), with_status({"a", "b", "c"}, "c"),
                              ExactRules{});
        CHECK(phrases(ops) ==
              std::vector<std::string>{
                  "changed enum \"status\": (a, b) -> (a, b, c)",
                  "changed column \"orders\".\"status\": default 'a'::status -> 'c'::status"});
    }
    SUBCASE("a label removed that was the default: removed after the default moved") {
        auto ops = diff::diff(with_status({"a", "b"}, "a"), with_status({"b"}, "b"), ExactRules{});
        CHECK(phrases(ops) ==
              std::vector<std::string>{
                  "changed column \"orders\".\"status\": default 'a'::status -> 'b'::status",
                  "changed enum \"status\": (a, b) -> (b)"});
    }
    SUBCASE("labels added and removed: split around the table changes") {
        auto ops =
            diff::diff(with_status({"a", "b"}, "a"), with_status({"b", "c"}, "c"), ExactRules{});
        CHECK(phrases(ops) ==
              std::vector<std::string>{
                  "changed enum \"status\": (a, b) -> (a, b, c)",
                  "changed column \"orders\".\"status\": default 'a'::status -> 'c'::status",
                  "changed enum \"status\": (a, b, c) -> (b, c)"});
    }
    SUBCASE(
        "a label renamed in place: the default holding it follows, as the database renames it") {
        auto ops = diff::diff(with_status({"a", "it's"}, "it''s"), with_status({"a", "x"}, "x"),
                              ExactRules{});
        CHECK(phrases(ops) ==
              std::vector<std::string>{"changed enum \"status\": (a, it's) -> (a, x)"});
    }
}

TEST_CASE("generated columns: added, a new expression, becoming plain, each phrased") {
    Schema before{{users()}, {}};
    Table& u = before.tables[0];
    Column total = col("total", "INTEGER");
    total.generated = "id * 2";
    u.columns.push_back(total);
    Column label = col("label", "TEXT");
    u.columns.push_back(label);

    Schema same = before;
    CHECK(diff::diff(before, same, ExactRules{}).empty());

    Schema after = before;
    Table& v = after.tables[0];
    v.find_column("total")->generated = "id * 3";
    v.find_column("label")->generated = "'L' || id";
    Column next = col("next", "INTEGER");
    next.generated = "id + 1";
    next.generated_virtual = true;
    v.columns.push_back(next);
    auto ops = diff::diff(before, after, ExactRules{});
    CHECK(phrases(ops) ==
          std::vector<std::string>{
              "changed column \"users\".\"total\": generated (id * 2) STORED -> generated (id * "
              "3) STORED",
              "changed column \"users\".\"label\": not generated -> generated ('L' || id) STORED",
              "added column \"users\".\"next\"",
          });
    // Becoming generated replaces the stored values; a new expression recomputes them.
    REQUIRE(ops.size() == 3);
    CHECK_FALSE(is_destructive(ops[0]));
    CHECK(is_destructive(ops[1]));
    CHECK(std::get<AlterColumn>(ops[0]).changes == kChangeGenerated);

    // STORED -> VIRTUAL is a change; generated -> plain keeps the values.
    Schema stored_to_virtual = before;
    stored_to_virtual.tables[0].find_column("total")->generated_virtual = true;
    stored_to_virtual.tables[0].find_column("total")->generated = "id * 2";
    CHECK(phrases(diff::diff(before, stored_to_virtual, ExactRules{})) ==
          std::vector<std::string>{"changed column \"users\".\"total\": generated (id * 2) STORED "
                                   "-> generated (id * 2) VIRTUAL"});
    auto back = diff::diff(after, before, ExactRules{});
    REQUIRE_FALSE(back.empty());
    CHECK_FALSE(is_destructive(back[1]));
}

TEST_CASE("table options: one operation per table, phrased both ways, not destructive") {
    Schema before{{users()}, {}};
    Schema same = before;
    CHECK(diff::diff(before, same, ExactRules{}).empty());

    Schema after = before;
    after.tables[0].options = {.strict = true, .without_rowid = true};
    auto ops = diff::diff(before, after, ExactRules{});
    CHECK(phrases(ops) == std::vector<std::string>{
                              "changed options of table \"users\": none -> STRICT, WITHOUT ROWID"});
    REQUIRE(ops.size() == 1);
    CHECK_FALSE(is_destructive(ops[0]));
    CHECK(phrases({reverse(ops[0])}) ==
          std::vector<std::string>{
              "changed options of table \"users\": STRICT, WITHOUT ROWID -> none"});

    Schema pg = before;
    pg.tables[0].options = {.unlogged = true,
                            .storage_parameters = {"autovacuum_enabled=false", "fillfactor=70"}};
    CHECK(phrases(diff::diff(before, pg, ExactRules{})) ==
          std::vector<std::string>{"changed options of table \"users\": none -> UNLOGGED, WITH "
                                   "(autovacuum_enabled = false, fillfactor = 70)"});
}

TEST_CASE("check states: validity alone is SetCheckValidity both ways, NO INHERIT drop + add") {
    Schema before{{users()}, {}};
    before.tables[0].checks.push_back({.name = "ck_a", .expression = "id > 0", .not_valid = true});
    before.tables[0].checks.push_back({.name = "ck_b", .expression = "id < 9"});
    Schema after = before;
    after.tables[0].checks[0].not_valid = false;
    after.tables[0].checks[1].no_inherit = true;
    auto ops = diff::diff(before, after, ExactRules{});
    CHECK(phrases(ops) == std::vector<std::string>{
                              "removed check constraint \"ck_b\" on \"users\"",
                              "validated check constraint \"ck_a\" on \"users\"",
                              "added check constraint \"ck_b\" on \"users\"",
                          });
    auto back = diff::diff(after, before, ExactRules{});
    bool made_not_valid = false;
    for (const auto& op : back)
        if (const auto* v = std::get_if<SetCheckValidity>(&op)) made_not_valid = v->check.not_valid;
    CHECK(made_not_valid);
    // The derived downgrade makes it NOT VALID again.
    REQUIRE(std::holds_alternative<SetCheckValidity>(ops[1]));
    CHECK(std::get<SetCheckValidity>(reverse(ops[1])).check.not_valid);
    CHECK(diff::diff(after, after, ExactRules{}).empty());
}

TEST_CASE("a foreign key's MATCH FULL is a change of its definition") {
    Schema before{{users(), orders()}, {}};
    Schema after = before;
    after.find_table("orders")->foreign_keys[0].match_full = true;
    CHECK(phrases(diff::diff(before, after, ExactRules{})) ==
          std::vector<std::string>{
              "removed foreign key \"fk_orders_user_id_users\" on \"orders\" (user_id)",
              "added foreign key \"fk_orders_user_id_users\" on \"orders\" (user_id) -> "
              "\"users\" (id)",
          });
}

TEST_CASE("exclusion constraints: by name, a new definition or predicate is drop + add") {
    Schema before{{users()}, {}};
    before.tables[0].exclusions.push_back(
        {.name = "ex_users", .definition = "USING gist (id WITH =)"});
    Schema after = before;
    after.tables[0].exclusions[0].where = "email <> ''";
    auto ops = diff::diff(before, after, ExactRules{});
    CHECK(phrases(ops) == std::vector<std::string>{
                              "removed exclusion constraint \"ex_users\" on \"users\"",
                              "added exclusion constraint \"ex_users\" on \"users\"",
                          });
    // The downgrade adds the old one back.
    REQUIRE(std::holds_alternative<DropExclusion>(ops[0]));
    CHECK(std::get<AddExclusion>(reverse(ops[0])).exclusion.where.empty());
    Schema none{{users()}, {}};
    CHECK(phrases(diff::diff(before, none, ExactRules{})) ==
          std::vector<std::string>{"removed exclusion constraint \"ex_users\" on \"users\""});
    CHECK(diff::diff(after, after, ExactRules{}).empty());
}

// Session 22: a label renamed at its place beside other label changes of the same enum
// was a removal and an addition (the rows holding it refused or lost).
TEST_CASE(
    "a label renamed beside labels added, removed or reordered: RENAME first, then the rest") {
    auto changes = [](std::vector<std::string> from, std::vector<std::string> to) {
        return phrases(diff::diff(with_status(std::move(from), "a"),
                                  with_status(std::move(to), "a"), ExactRules{}));
    };
    SUBCASE("beside one appended") {
        CHECK(changes({"a", "b", "c"}, {"a", "x", "c", "d"}) ==
              std::vector<std::string>{"changed enum \"status\": (a, b, c) -> (a, x, c)",
                                       "changed enum \"status\": (a, x, c) -> (a, x, c, d)"});
    }
    SUBCASE("beside one removed: the rename before the tables, the removal after") {
        CHECK(
            changes({"a", "b", "c", "lost"}, {"a", "x", "c"}) ==
            std::vector<std::string>{"changed enum \"status\": (a, b, c, lost) -> (a, x, c, lost)",
                                     "changed enum \"status\": (a, x, c, lost) -> (a, x, c)"});
    }
    SUBCASE("beside two kept labels swapped: the label before it is kept") {
        CHECK(changes({"a", "b", "c", "d"}, {"a", "x", "d", "c"}) ==
              std::vector<std::string>{"changed enum \"status\": (a, b, c, d) -> (a, x, c, d)",
                                       "changed enum \"status\": (a, x, c, d) -> (a, x, d, c)"});
    }
    SUBCASE("a removal and an addition at different places stay what they are") {
        CHECK(changes({"a", "b", "c"}, {"a", "c", "x"}) ==
              std::vector<std::string>{"changed enum \"status\": (a, b, c) -> (a, b, c, x)",
                                       "changed enum \"status\": (a, b, c, x) -> (a, c, x)"});
    }
}
