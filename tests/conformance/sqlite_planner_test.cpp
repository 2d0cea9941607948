// Table-driven tests of the SQLite planner against a real SQLite database: each case
// applies a before schema and rows, runs the planned statements in a transaction,
// inspects the result, and checks that it equals the after schema and that the rows
// survived; then the reversed operations must bring the before schema back.
#include <doctest/doctest.h>

#include "tests/support/schema_compare.hpp"
#include "tests/support/sqlite_test_cases.hpp"
#include "tests/support/sqlite_test_harness.hpp"

using namespace autogen;
using namespace autogen::schema;
using autogen::testing::SqliteHarness;

namespace {

using namespace autogen::testing::sqlite_cases;

int count_rebuilds(const std::vector<codegen::Statement>& statements) {
    int n = 0;
    for (const auto& s : statements) n += s.sql.rfind("CREATE TABLE \"_autogen_new_", 0) == 0;
    return n;
}

std::string sql_text(const std::vector<codegen::Statement>& statements) {
    std::string out;
    for (const auto& s : statements) out += s.sql + ";\n";
    return out;
}

}  // namespace

TEST_CASE("sqlite planner: table of cases against a real database, and back") {
    for (const auto& c : cases()) {
        SUBCASE(c.name) {
            SqliteHarness h;
            REQUIRE(h.conn);
            Schema before = base(), after = base();
            c.change(after);
            Schema from = h.planner->lower(before, h.diags), to = h.planner->lower(after, h.diags);
            REQUIRE_MESSAGE(h.create(from), h.messages());
            REQUIRE_MESSAGE(h.conn->execute(kSeed, h.diags), h.messages());
            std::vector<std::vector<std::string>> kept_before;
            for (const auto& [q, _] : c.kept) kept_before.push_back(h.rows(q));

            auto ops = c.ops(from, to);
            auto up = h.planner->plan(ops, from, to, h.diags);
            INFO("upgrade:\n" << sql_text(up));
            CHECK(count_rebuilds(up) == (c.rebuild ? 1 : 0));
            REQUIRE_MESSAGE(h.run(up), h.messages());
            auto diffs = testing::schema_differences(to, h.inspect());
            CHECK_MESSAGE(diffs.empty(), testing::describe_differences(diffs));
            for (std::size_t i = 0; i < c.kept.size(); ++i)
                CHECK(h.rows(c.kept[i].second) == kept_before[i]);

            auto down = h.planner->plan(reverse(ops), to, from, h.diags);
            INFO("downgrade:\n" << sql_text(down));
            REQUIRE_MESSAGE(h.run(down), h.messages());
            // A column added back by the downgrade comes back last, as with Alembic.
            diffs = testing::schema_differences(from, h.inspect(), {.column_order = false});
            CHECK_MESSAGE(diffs.empty(), testing::describe_differences(diffs));
            for (std::size_t i = 0; i < c.kept.size(); ++i) {
                // Going back from NOT NULL cannot restore the NULLs the default replaced.
                if (c.kept[i].first.find("IS NOT NULL") == std::string::npos)
                    CHECK(h.rows(c.kept[i].first) == kept_before[i]);
            }
            CHECK_MESSAGE(!h.diags.has_errors(), h.messages());
        }
    }
}

TEST_CASE("sqlite planner: drops are destructive and say what they drop") {
    SqliteHarness h;
    Schema from = h.planner->lower(base(), h.diags);
    auto stmts = h.planner->plan({DropTable{table(from, "orders")},
                                  DropColumn{ref("users"), col(from, "users", "full_name")}},
                                 from, Schema{}, h.diags);
    REQUIRE(stmts.size() == 2);
    CHECK(stmts[0].sql == "DROP TABLE \"orders\"");
    CHECK(stmts[0].destructive);
    CHECK(stmts[0].warning.find("\"orders\"") != std::string::npos);
    CHECK(stmts[1].sql == "ALTER TABLE \"users\" DROP COLUMN \"full_name\"");
    CHECK(stmts[1].destructive);
}

TEST_CASE("sqlite planner: CREATE TABLE spelling") {
    SqliteHarness h;
    Schema s = h.planner->lower(base(), h.diags);
    auto stmts = h.planner->plan({CreateTable{table(s, "orders")}}, Schema{}, s, h.diags);
    REQUIRE(stmts.size() == 2);
    CHECK(stmts[0].sql ==
          "CREATE TABLE \"orders\" (\n"
          "    \"id\" INTEGER NOT NULL PRIMARY KEY,\n"
          "    \"user_id\" BIGINT NOT NULL,\n"
          "    \"total_cents\" BIGINT NOT NULL DEFAULT 0,\n"
          "    \"status\" TEXT NOT NULL,\n"
          "    CONSTRAINT \"fk_orders_user_id\" FOREIGN KEY (\"user_id\") REFERENCES \"users\" "
          "(\"id\") ON DELETE CASCADE,\n"
          "    CONSTRAINT \"ck_orders_total\" CHECK (total_cents >= 0),\n"
          "    CONSTRAINT \"ck_orders_status_enum\" CHECK (\"status\" IN ('pending', 'paid', "
          "'shipped'))\n"
          ")");
    CHECK(stmts[1].sql == "CREATE INDEX \"ix_orders_user_id\" ON \"orders\" (\"user_id\")");
}

TEST_CASE("sqlite planner: a default that would escape its place is refused") {
    SqliteHarness h;
    Schema s = base();
    table(s, "users").columns[2].server_default = "'x'); DROP TABLE users; --";
    h.planner->lower(s, h.diags);
    CHECK(h.diags.has_errors());
}

TEST_CASE("sqlite planner: a type change is destructive only when the affinity changes") {
    SqliteHarness h;
    Schema from = h.planner->lower(base(), h.diags);
    auto plan_type = [&](const std::string& sql) {
        Schema to = from;
        table(to, "orders").find_column("total_cents")->type = ColumnType{.sql = sql};
        return h.planner->plan({AlterColumn{ref("orders"), col(from, "orders", "total_cents"),
                                            col(to, "orders", "total_cents"), kChangeType}},
                               from, to, h.diags);
    };
    auto widened = plan_type("INTEGER");
    REQUIRE_FALSE(widened.empty());
    CHECK_FALSE(widened[0].destructive);
    auto converted = plan_type("TEXT");
    REQUIRE_FALSE(converted.empty());
    CHECK(converted[0].destructive);
    CHECK(converted[0].warning.find("INTEGER to TEXT affinity") != std::string::npos);
}

TEST_CASE("sqlite planner: interleaved operations on two tables give one rebuild each") {
    SqliteHarness h;
    Schema before = base(), after = base();
    table(after, "users").checks.push_back({.name = "ck_users_id", .expression = "id > 0"});
    table(after, "orders").checks.push_back({.name = "ck_orders_id", .expression = "id > 0"});
    table(after, "users").find_column("nickname")->nullable = false;
    table(after, "users").find_column("nickname")->server_default = "''";
    Schema from = h.planner->lower(before, h.diags), to = h.planner->lower(after, h.diags);
    std::vector<Operation> ops = {
        AddCheck{ref("users"), table(to, "users").checks[0]},
        AddCheck{ref("orders"), table(to, "orders").checks.back()},
        AlterColumn{ref("users"), col(from, "users", "nickname"), col(to, "users", "nickname"),
                    kChangeNullability | kChangeDefault}};
    auto stmts = h.planner->plan(ops, from, to, h.diags);
    INFO(sql_text(stmts));
    CHECK(count_rebuilds(stmts) == 2);
    REQUIRE_FALSE(stmts.empty());
    CHECK(stmts[0].sql.rfind("CREATE TABLE \"_autogen_new_users\"", 0) == 0);
    REQUIRE(h.create(from));
    REQUIRE(h.conn->execute(kSeed, h.diags));
    REQUIRE_MESSAGE(h.run(stmts), h.messages());
    CHECK(h.rows("SELECT id, nickname FROM users ORDER BY id") ==
          std::vector<std::string>{"1|an", "2|", "7|cy"});
    auto diffs = testing::schema_differences(to, h.inspect());
    CHECK_MESSAGE(diffs.empty(), testing::describe_differences(diffs));
}

TEST_CASE(
    "sqlite planner: NOT NULL without a default warns with the UPDATE to fill in, like "
    "PostgreSQL") {
    SqliteHarness h;
    Schema before = base(), after = base();
    table(after, "users").find_column("full_name")->nullable = false;
    Schema from = h.planner->lower(before, h.diags), to = h.planner->lower(after, h.diags);
    auto stmts = h.planner->plan({AlterColumn{ref("users"), col(from, "users", "full_name"),
                                              col(to, "users", "full_name"), kChangeNullability}},
                                 from, to, h.diags);
    INFO(sql_text(stmts));
    REQUIRE_FALSE(stmts.empty());
    CHECK(stmts[0].comment.find(
              "WARNING: \"users\".\"full_name\" becomes NOT NULL and has no server default") !=
          std::string::npos);
    CHECK(stmts[0].comment.find(
              "\nUPDATE \"users\" SET \"full_name\" = <value> WHERE \"full_name\" IS NULL;") !=
          std::string::npos);
    REQUIRE(h.create(from));
    REQUIRE(h.conn->execute(kSeed, h.diags));
    support::Diagnostics quiet;
    std::swap(quiet, h.diags);
    CHECK_FALSE(h.run(stmts));  // user 2 has no full name
    std::swap(quiet, h.diags);
    REQUIRE(h.conn->execute(
        "UPDATE \"users\" SET \"full_name\" = 'unknown' WHERE \"full_name\" IS NULL", h.diags));
    CHECK_MESSAGE(h.run(stmts), h.messages());
    CHECK(h.rows("SELECT id, full_name FROM users ORDER BY id") ==
          std::vector<std::string>{"1|Ann", "2|unknown", "7|Cy"});

    // With a default, nothing to warn about: the copy fills the NULLs.
    table(after, "users").find_column("nickname")->nullable = false;
    table(after, "users").find_column("nickname")->server_default = "'anon'";
    Schema to2 = h.planner->lower(after, h.diags);
    auto with_default = h.planner->plan(
        {AlterColumn{ref("users"), col(to, "users", "nickname"), col(to2, "users", "nickname"),
                     kChangeNullability | kChangeDefault}},
        to, to2, h.diags);
    REQUIRE_FALSE(with_default.empty());
    CHECK(with_default[0].comment.find("WARNING") == std::string::npos);
}

namespace {

/// base() created with rows, and `to`: base() plus a check on "users", which SQLite
/// can only add by rebuilding the table. For what a rebuild must keep.
struct UsersGainACheck {
    SqliteHarness h;
    Schema to;
    UsersGainACheck() {
        Schema after = base();
        table(after, "users").checks.push_back({.name = "ck_users_id", .expression = "id > 0"});
        Schema from = h.planner->lower(base(), h.diags);
        to = h.planner->lower(after, h.diags);
        REQUIRE(h.create(from));
        REQUIRE(h.conn->execute(kSeed, h.diags));
    }
};

}  // namespace

TEST_CASE("sqlite planner: a rebuild creates the table's triggers again, upgrade and downgrade") {
    UsersGainACheck fixture;
    auto& h = fixture.h;
    const Schema& to = fixture.to;
    // A trigger the models know nothing about (written by hand in an earlier revision).
    REQUIRE(
        h.conn->execute("CREATE TABLE audit (what TEXT); "
                        "CREATE TRIGGER users_audit AFTER INSERT ON users BEGIN "
                        "INSERT INTO audit VALUES ('user ' || NEW.id); END",
                        h.diags));
    Schema live = h.inspect();
    REQUIRE(live.objects.size() == 1);
    CHECK(live.objects[0].kind == schema::ObjectKind::Trigger);
    CHECK(live.objects[0].name == "users_audit");
    CHECK(live.objects[0].table == "users");

    // Upgrade: the live side has the trigger, the model side does not.
    auto up = h.planner->plan({AddCheck{ref("users"), table(to, "users").checks.back()}}, live, to,
                              h.diags);
    INFO(sql_text(up));
    CHECK(count_rebuilds(up) == 1);
    REQUIRE_MESSAGE(h.run(up), h.messages());
    REQUIRE(h.conn->execute(
        "INSERT INTO users (id, email, full_name, nickname) VALUES (40, 'di@x', 'Di', 'di')",
        h.diags));
    CHECK(h.rows("SELECT what FROM audit") == std::vector<std::string>{"user 40"});

    // Downgrade: `before` is the model side; the trigger comes from the side it returns to.
    auto down = h.planner->plan({DropCheck{ref("users"), table(to, "users").checks.back()}}, to,
                                live, h.diags);
    INFO(sql_text(down));
    REQUIRE_MESSAGE(h.run(down), h.messages());
    REQUIRE(h.conn->execute(
        "INSERT INTO users (id, email, full_name, nickname) VALUES (41, 'ed@x', 'Ed', 'ed')",
        h.diags));
    CHECK(h.rows("SELECT what FROM audit ORDER BY what") ==
          std::vector<std::string>{"user 40", "user 41"});
}

namespace {

/// The CREATE statement SQLite stores for `name`.
std::string stored_sql(SqliteHarness& h, const std::string& name) {
    auto rows =
        h.rows("SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = '" + name + "'");
    return rows.empty() ? std::string() : rows.front();
}

}  // namespace

TEST_CASE(
    "sqlite planner: a rebuild keeps WITHOUT ROWID, STRICT and AUTOINCREMENT, upgrade and "
    "downgrade") {
    SqliteHarness h;
    // Table options the models declare too (AUTOGEN_TABLE(strict, without_rowid) ...).
    REQUIRE(h.conn->execute(
        "CREATE TABLE tags (name TEXT NOT NULL PRIMARY KEY, hits INTEGER NOT NULL) WITHOUT ROWID, "
        "STRICT;"
        "CREATE TABLE notes (id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, body TEXT);"
        "INSERT INTO tags VALUES ('a', 1), ('b', 2);"
        "INSERT INTO notes (body) VALUES ('one'), ('two'), ('three'); DELETE FROM notes WHERE id = "
        "3",
        h.diags));
    Schema live = h.inspect();
    CHECK(table(live, "tags").options.without_rowid);
    CHECK(table(live, "tags").options.strict);
    CHECK_FALSE(table(live, "tags").options.autoincrement);
    CHECK(table(live, "notes").options.autoincrement);
    CHECK_FALSE(table(live, "notes").options.strict);
    CHECK_FALSE(table(live, "notes").options.without_rowid);

    // The models add a check to each table: a rebuild on SQLite.
    Schema to = live;
    table(to, "tags").checks.push_back({.name = "ck_tags_hits", .expression = "hits >= 0"});
    table(to, "notes")
        .checks.push_back({.name = "ck_notes_body", .expression = "length(body) > 0"});
    auto up = h.planner->plan({AddCheck{ref("tags"), table(to, "tags").checks.back()},
                               AddCheck{ref("notes"), table(to, "notes").checks.back()}},
                              live, to, h.diags);
    INFO(sql_text(up));
    CHECK(count_rebuilds(up) == 2);
    REQUIRE_MESSAGE(h.run(up), h.messages());
    CHECK(stored_sql(h, "tags").find(") WITHOUT ROWID, STRICT") != std::string::npos);
    CHECK(stored_sql(h, "notes").find("PRIMARY KEY AUTOINCREMENT") != std::string::npos);
    CHECK(h.rows("SELECT name, hits FROM tags ORDER BY name") ==
          std::vector<std::string>{"a|1", "b|2"});
    // AUTOINCREMENT goes on from the old table's counter: 3 was used (and deleted) before.
    REQUIRE(h.conn->execute("INSERT INTO notes (body) VALUES ('four')", h.diags));
    CHECK(h.rows("SELECT id FROM notes ORDER BY id") == std::vector<std::string>{"1", "2", "4"});
    {
        support::Diagnostics refused;  // STRICT still types the column
        CHECK_FALSE(h.conn->execute("INSERT INTO tags VALUES ('c', 'lots')", refused));
    }
    Schema upgraded = h.inspect();
    CHECK(table(upgraded, "tags").options.strict);

    // Downgrade: `before` is the model side; the options come from the side it returns to.
    auto down = h.planner->plan({DropCheck{ref("tags"), table(to, "tags").checks.back()},
                                 DropCheck{ref("notes"), table(to, "notes").checks.back()}},
                                to, live, h.diags);
    INFO(sql_text(down));
    REQUIRE_MESSAGE(h.run(down), h.messages());
    CHECK(stored_sql(h, "tags").find(") WITHOUT ROWID, STRICT") != std::string::npos);
    REQUIRE(h.conn->execute(
        "DELETE FROM notes WHERE id = 4; INSERT INTO notes (body) VALUES ('five')", h.diags));
    CHECK(h.rows("SELECT id FROM notes ORDER BY id") == std::vector<std::string>{"1", "2", "5"});
}

TEST_CASE("sqlite planner: a table options change is a rebuild both ways, keeping the rows") {
    SqliteHarness h;
    REQUIRE(h.conn->execute(
        "CREATE TABLE tags (name TEXT NOT NULL PRIMARY KEY, hits INTEGER NOT NULL) STRICT;"
        "INSERT INTO tags VALUES ('a', 1)",
        h.diags));
    Schema live = h.inspect();
    Schema to = live;
    table(to, "tags").options = {.strict = false, .without_rowid = true};
    AlterTableOptions change{ref("tags"), table(live, "tags").options, table(to, "tags").options};
    auto up = h.planner->plan({change}, live, to, h.diags);
    INFO(sql_text(up));
    REQUIRE(count_rebuilds(up) == 1);
    REQUIRE_MESSAGE(h.run(up), h.messages());
    CHECK(stored_sql(h, "tags").find(") WITHOUT ROWID") != std::string::npos);
    CHECK(stored_sql(h, "tags").find("STRICT") == std::string::npos);
    CHECK(h.inspect().tables.front().options == table(to, "tags").options);
    CHECK(h.rows("SELECT name, hits FROM tags") == std::vector<std::string>{"a|1"});

    auto down = h.planner->plan({schema::reverse(Operation{change})}, to, live, h.diags);
    INFO(sql_text(down));
    REQUIRE_MESSAGE(h.run(down), h.messages());
    CHECK(stored_sql(h, "tags").find(") STRICT") != std::string::npos);
    CHECK(h.rows("SELECT name, hits FROM tags") == std::vector<std::string>{"a|1"});
}

TEST_CASE("sqlite planner: a rebuild drops the views that read the table and creates them again") {
    UsersGainACheck fixture;
    auto& h = fixture.h;
    const Schema& to = fixture.to;
    // Views the models know nothing about: one on the table, one on that view, one elsewhere.
    REQUIRE(h.conn->execute(
        "CREATE VIEW named_users AS SELECT id, full_name FROM users WHERE full_name IS NOT NULL;"
        "CREATE VIEW first_named AS SELECT min(id) AS id FROM named_users;"
        "CREATE VIEW constant AS SELECT 1 AS one",
        h.diags));
    Schema live = h.inspect();
    REQUIRE(live.objects.size() == 3);
    CHECK(live.objects[0].name == "named_users");
    CHECK(live.objects[2].sql == "CREATE VIEW constant AS SELECT 1 AS one");

    auto up = h.planner->plan({AddCheck{ref("users"), table(to, "users").checks.back()}}, live, to,
                              h.diags);
    INFO(sql_text(up));
    CHECK(count_rebuilds(up) == 1);
    CHECK(sql_text(up).find(
              "DROP VIEW \"first_named\";\nDROP VIEW \"named_users\";\nDROP TABLE \"users\"") !=
          std::string::npos);
    CHECK(sql_text(up).find("constant") == std::string::npos);  // reads no rebuilt table: untouched
    REQUIRE_MESSAGE(h.run(up), h.messages());
    CHECK(h.rows("SELECT id FROM first_named") == std::vector<std::string>{"1"});
    CHECK(h.rows("SELECT count(*) FROM named_users") == std::vector<std::string>{"2"});
    CHECK(h.inspect().objects.size() == 3);

    // Downgrade: `from` is the model side (no views); they come from the side it returns to.
    auto down = h.planner->plan({DropCheck{ref("users"), table(to, "users").checks.back()}}, to,
                                live, h.diags);
    INFO(sql_text(down));
    REQUIRE_MESSAGE(h.run(down), h.messages());
    CHECK(h.rows("SELECT id FROM first_named") == std::vector<std::string>{"1"});
}
