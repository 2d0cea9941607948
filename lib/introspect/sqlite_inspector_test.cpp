// The SQLite inspector against real databases written by hand (not by the planner:
// the planner round trip is tested in tests/conformance/sqlite_roundtrip_test.cpp).
#include "introspect/sqlite_inspector.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <map>

#include "db/sqlite_connection.hpp"
#include "support/text.hpp"
#include "tests/support/counting_connection.hpp"
#include "tests/support/temp_dir.hpp"

using namespace autogen;

namespace {

schema::Schema inspect(const std::string& ddl, const introspect::InspectOptions& options = {}) {
    support::Diagnostics diags;
    auto conn = db::open_sqlite(":memory:", diags);
    REQUIRE(conn);
    REQUIRE(conn->execute(ddl, diags));
    auto s = introspect::make_sqlite_inspector()->inspect(*conn, options, diags);
    REQUIRE(s);
    CHECK_FALSE(diags.has_errors());
    return *s;
}

}  // namespace

TEST_CASE("sqlite inspector: a hand-written schema") {
    auto s = inspect(
        "CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT NOT NULL UNIQUE COLLATE NOCASE, "
        "  created DATETIME DEFAULT CURRENT_TIMESTAMP, score REAL DEFAULT (0.5 * 2));"
        "CREATE TABLE posts (id INTEGER PRIMARY KEY, user_id INTEGER REFERENCES users ON DELETE "
        "CASCADE, "
        "  a INT, b INT, CONSTRAINT fk_ab FOREIGN KEY (a, b) REFERENCES pairs (x, y) ON UPDATE "
        "RESTRICT,"
        "  CONSTRAINT ck_ab CHECK (a < b), CHECK (a > 0));"
        "CREATE TABLE pairs (x INT NOT NULL, y INT NOT NULL, PRIMARY KEY (y, x)) WITHOUT ROWID;"
        "CREATE INDEX ix_posts_lower ON posts (lower(a), b) WHERE b IS NOT NULL;"
        "CREATE UNIQUE INDEX ix_posts_user ON posts (user_id);");
    REQUIRE(s.tables.size() == 3);
    CHECK(s.tables[0].name == "pairs");
    CHECK(s.tables[1].name == "posts");
    CHECK(s.tables[2].name == "users");

    const auto& users = s.tables[2];
    REQUIRE(users.columns.size() == 4);
    CHECK(users.columns[0].identity);
    CHECK_FALSE(users.columns[0].nullable);
    CHECK(users.columns[1].type.sql == "TEXT");
    CHECK(*users.columns[1].collation == "NOCASE");
    CHECK(*users.columns[2].server_default == "CURRENT_TIMESTAMP");
    CHECK(*users.columns[3].server_default == "0.5 * 2");
    REQUIRE(users.uniques.size() == 1);
    CHECK(users.uniques[0].name == "");
    CHECK(users.uniques[0].columns == std::vector<std::string>{"email"});

    const auto& pairs = s.tables[0];
    REQUIRE(pairs.primary_key);
    CHECK(pairs.primary_key->columns == std::vector<std::string>{"y", "x"});
    CHECK_FALSE(pairs.columns[0].identity);

    const auto& posts = s.tables[1];
    REQUIRE(posts.foreign_keys.size() == 2);
    CHECK(posts.foreign_keys[0].name == "");  // unnamed sorts first
    CHECK(posts.foreign_keys[0].ref_table == "users");
    CHECK(posts.foreign_keys[0].ref_columns == std::vector<std::string>{"id"});
    CHECK(posts.foreign_keys[0].on_delete == schema::ReferentialAction::Cascade);
    CHECK(posts.foreign_keys[1].name == "fk_ab");
    CHECK(posts.foreign_keys[1].columns == std::vector<std::string>{"a", "b"});
    CHECK(posts.foreign_keys[1].on_update == schema::ReferentialAction::Restrict);
    REQUIRE(posts.checks.size() == 2);
    CHECK(posts.checks[0].name == "");
    CHECK(posts.checks[0].expression == "a > 0");
    CHECK(posts.checks[1].name == "ck_ab");
    REQUIRE(posts.indexes.size() == 2);
    CHECK(posts.indexes[0].name == "ix_posts_lower");
    CHECK(posts.indexes[0].columns == std::vector<std::string>{"(lower(a))", "b"});
    CHECK(posts.indexes[0].where == "b IS NOT NULL");
    CHECK(posts.indexes[1].unique);
}

TEST_CASE("sqlite inspector: generated columns with their expression and kind") {
    auto s = inspect(
        "CREATE TABLE g (n INTEGER NOT NULL DEFAULT 1, twice INTEGER NOT NULL GENERATED ALWAYS "
        "AS (n * 2) STORED, label TEXT AS ('n=' || n))");
    REQUIRE(s.tables.size() == 1);
    const auto& t = s.tables[0];
    REQUIRE(t.columns.size() == 3);
    CHECK(t.columns[0].server_default == std::optional<std::string>("1"));
    CHECK_FALSE(t.columns[0].generated);
    CHECK(t.columns[1].name == "twice");
    CHECK(t.columns[1].generated == std::optional<std::string>("n * 2"));
    CHECK_FALSE(t.columns[1].generated_virtual);
    CHECK_FALSE(t.columns[1].nullable);
    CHECK(t.columns[2].generated == std::optional<std::string>("'n=' || n"));
    CHECK(t.columns[2].generated_virtual);
    CHECK_FALSE(t.columns[2].server_default);
}

TEST_CASE("sqlite inspector: table options from the stored CREATE TABLE") {
    auto s = inspect(
        "CREATE TABLE plain (id INTEGER PRIMARY KEY);"
        "CREATE TABLE tags (name TEXT NOT NULL PRIMARY KEY, n INT) WITHOUT ROWID, STRICT;"
        "CREATE TABLE notes (id INTEGER PRIMARY KEY AUTOINCREMENT, body TEXT)");
    REQUIRE(s.tables.size() == 3);
    REQUIRE(s.find_table("plain"));
    CHECK(s.find_table("plain")->options == schema::TableOptions{});
    REQUIRE(s.find_table("tags"));
    CHECK(s.find_table("tags")->options ==
          schema::TableOptions{.strict = true, .without_rowid = true});
    REQUIRE(s.find_table("notes"));
    CHECK(s.find_table("notes")->options == schema::TableOptions{.autoincrement = true});
    CHECK(s.find_table("notes")->columns[0].identity);
}

TEST_CASE("sqlite inspector: skips internal, scratch, version and excluded tables") {
    auto s = inspect(
        "CREATE TABLE a (x INTEGER); CREATE TABLE legacy_b (x INTEGER); CREATE TABLE "
        "autogen_version (v TEXT);"
        "CREATE TABLE _autogen_new_a (x INTEGER); CREATE TABLE k (id INTEGER PRIMARY KEY "
        "AUTOINCREMENT)",
        {.exclude_tables = {"legacy_*"}});
    REQUIRE(s.tables.size() == 2);  // sqlite_sequence is skipped too
    CHECK(s.tables[0].name == "a");
    CHECK(s.tables[1].name == "k");
}

TEST_CASE("sqlite inspector: a failing catalog query is named") {
    testing::TempDir dir;
    // open_sqlite itself refuses a file that is not a database, so it turns into one
    // after the connection is open.
    auto path = dir.write("not_a.db", "");
    support::Diagnostics diags;
    auto conn = db::open_sqlite(path.string(), diags);
    REQUIRE(conn);
    dir.write("not_a.db", std::string(4096, 'x'));
    auto s = introspect::make_sqlite_inspector()->inspect(*conn, {}, diags);
    CHECK_FALSE(s);
    REQUIRE(diags.has_errors());
    bool named = false;
    for (const auto& d : diags.items())
        named = named || d.message.find("query \"tables\"") != std::string::npos;
    CHECK(named);
}

TEST_CASE("sqlite inspector: names written in another case are reported as declared") {
    auto s = inspect(
        "CREATE TABLE Users (Id INTEGER PRIMARY KEY, Email TEXT COLLATE nocase);"
        "CREATE TABLE posts (owner INTEGER REFERENCES USERS (ID));"
        "CREATE INDEX ix_email ON users (EMAIL)");
    REQUIRE(s.tables.size() == 2);
    const auto& users = s.tables[0];
    CHECK(users.name == "Users");
    CHECK(*users.columns[1].collation == "NOCASE");
    REQUIRE(users.indexes.size() == 1);
    CHECK(users.indexes[0].columns == std::vector<std::string>{"Email"});
    const auto& posts = s.tables[1];
    REQUIRE(posts.foreign_keys.size() == 1);
    CHECK(posts.foreign_keys[0].ref_table == "Users");
    CHECK(posts.foreign_keys[0].ref_columns == std::vector<std::string>{"Id"});
}

namespace {

using Strings = std::vector<std::string>;

std::string quoted(const std::string& name) {
    std::string out = "\"";
    for (char c : name) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

std::string text(const db::Row& r, std::size_t i) { return r.at(i) ? *r.at(i) : std::string(); }

/// The reference answer: one PRAGMA after another for `t`, the way SQLite documents them,
/// compared with what the batched catalog queries made of the same table.
void check_against_per_table_pragmas(db::Connection& conn, const schema::Table& t) {
    INFO("table " << t.name);
    support::Diagnostics diags;
    auto columns = conn.query("PRAGMA main.table_xinfo(" + quoted(t.name) + ")", {}, diags);
    REQUIRE(columns);
    std::vector<std::pair<int, std::string>> pk;
    std::size_t n = 0;
    for (const auto& r : columns->rows) {
        if (text(r, 6) == "1") continue;  // hidden
        REQUIRE(n < t.columns.size());
        const schema::Column& c = t.columns[n++];
        CHECK(c.name == text(r, 1));
        CHECK(c.type.sql == text(r, 2));
        CHECK(c.nullable == (text(r, 3) != "1" && !c.identity));
        CHECK(c.server_default == r.at(4));
        if (std::stoi(text(r, 5)) > 0) pk.emplace_back(std::stoi(text(r, 5)), text(r, 1));
    }
    CHECK(n == t.columns.size());
    std::sort(pk.begin(), pk.end());
    Strings pk_columns;
    for (const auto& [pos, c] : pk) pk_columns.push_back(c);
    CHECK(pk_columns == (t.primary_key ? t.primary_key->columns : Strings{}));

    auto indexes = conn.query("PRAGMA main.index_list(" + quoted(t.name) + ")", {}, diags);
    REQUIRE(indexes);
    std::size_t created = 0, uniques = 0;
    for (const auto& r : indexes->rows) {
        const std::string name = text(r, 1), origin = text(r, 3);
        auto info = conn.query("PRAGMA main.index_info(" + quoted(name) + ")", {}, diags);
        REQUIRE(info);
        Strings names;  // "" for an expression
        for (const auto& i : info->rows) names.push_back(text(i, 2));
        if (origin == "u") {
            ++uniques;
            CHECK(
                std::any_of(t.uniques.begin(), t.uniques.end(),
                            [&](const schema::UniqueConstraint& u) { return u.columns == names; }));
        } else if (origin == "c") {
            ++created;
            auto ix = std::find_if(t.indexes.begin(), t.indexes.end(),
                                   [&](const schema::Index& x) { return x.name == name; });
            REQUIRE(ix != t.indexes.end());
            CHECK(ix->unique == (text(r, 2) == "1"));
            CHECK(!ix->where.empty() == (text(r, 4) == "1"));
            REQUIRE(ix->columns.size() == names.size());
            for (std::size_t k = 0; k < names.size(); ++k) {
                if (names[k].empty())
                    CHECK(ix->columns[k].front() == '(');
                else
                    CHECK(support::equals_ignoring_case(ix->columns[k], names[k]));
            }
        }
    }
    CHECK(created == t.indexes.size());
    CHECK(uniques == t.uniques.size());

    auto keys = conn.query("PRAGMA main.foreign_key_list(" + quoted(t.name) + ")", {}, diags);
    REQUIRE(keys);
    std::map<int, schema::ForeignKey> by_id;
    for (const auto& r : keys->rows) {
        auto& fk = by_id[std::stoi(text(r, 0))];
        fk.ref_table = text(r, 2);
        fk.columns.push_back(text(r, 3));
        fk.ref_columns.push_back(text(r, 4));
        fk.on_update = *schema::parse_referential_action(text(r, 5));
        fk.on_delete = *schema::parse_referential_action(text(r, 6));
    }
    REQUIRE(by_id.size() == t.foreign_keys.size());
    for (const auto& entry : by_id) {
        const schema::ForeignKey& expected = entry.second;  // a binding: not capturable in clang 14
        INFO("foreign key " << entry.first);
        auto fk = std::find_if(
            t.foreign_keys.begin(), t.foreign_keys.end(),
            [&](const schema::ForeignKey& k) { return k.columns == expected.columns; });
        REQUIRE(fk != t.foreign_keys.end());
        CHECK(support::equals_ignoring_case(fk->ref_table, expected.ref_table));
        CHECK(fk->on_update == expected.on_update);
        CHECK(fk->on_delete == expected.on_delete);
        REQUIRE(fk->ref_columns.size() == expected.ref_columns.size());
        for (std::size_t k = 0; k < expected.ref_columns.size(); ++k)
            if (!expected.ref_columns[k].empty())  // REFERENCES t: resolved to t's key
                CHECK(support::equals_ignoring_case(fk->ref_columns[k], expected.ref_columns[k]));
    }
}

const schema::Table& table(const schema::Schema& s, const std::string& name) {
    const schema::Table* t = s.find_table(name);
    REQUIRE_MESSAGE(t, "no table " << name);
    return *t;
}

}  // namespace

TEST_CASE("sqlite inspector: batched catalog queries agree with the per-table pragmas") {
    // Names that need quoting, a table without indexes beside one with several,
    // expression and partial indexes, composite keys, generated columns, WITHOUT ROWID.
    const std::string ddl =
        "CREATE TABLE \"order\" (\"id\" INTEGER PRIMARY KEY, \"select\" TEXT NOT NULL, "
        "  \"group\" INT DEFAULT (1 + 1), UNIQUE (\"select\", \"group\"));"
        "CREATE TABLE \"my table\" (a INT, \"b c\" TEXT DEFAULT 'x y', PRIMARY KEY (a, \"b c\"));"
        "CREATE TABLE \"we\"\"ird\" (id INTEGER PRIMARY KEY, v TEXT COLLATE NOCASE UNIQUE, "
        "  w TEXT CONSTRAINT uq_w UNIQUE);"
        "CREATE TABLE plain (x INT, y TEXT);"
        "CREATE TABLE many (id INTEGER PRIMARY KEY, a INT, b INT, c TEXT, "
        "  d INT GENERATED ALWAYS AS (a + b) VIRTUAL, e INT AS (a * 2) STORED, "
        "  CONSTRAINT fk_pair FOREIGN KEY (a, c) REFERENCES \"my table\" (a, \"b c\") "
        "    ON DELETE CASCADE, "
        "  FOREIGN KEY (b) REFERENCES \"order\" ON UPDATE SET NULL, "
        "  CONSTRAINT ck CHECK (a <> b));"
        "CREATE INDEX ix_many_expr ON many (lower(c), a DESC);"
        "CREATE INDEX ix_many_partial ON many (b) WHERE b > 0;"
        "CREATE UNIQUE INDEX \"ix many \"\"quoted\"\"\" ON many (a, b);"
        "CREATE TABLE wr (k TEXT PRIMARY KEY, v INT UNIQUE) WITHOUT ROWID;"
        "CREATE TABLE [bracket name] (`tick` INT REFERENCES \"we\"\"ird\" (id), "
        "  other INT REFERENCES many);"
        "CREATE INDEX \"ix bracket\" ON [bracket name] (other);";
    support::Diagnostics diags;
    auto conn = db::open_sqlite(":memory:", diags);
    REQUIRE(conn);
    REQUIRE(conn->execute(ddl, diags));
    auto inspect_counting = [&](int& statements) {
        test::CountingConnection counting(*conn);
        auto s = introspect::make_sqlite_inspector()->inspect(counting, {}, diags);
        REQUIRE(s);
        CHECK_FALSE(diags.has_errors());
        statements = counting.calls;
        return *s;
    };
    int few = 0;
    auto s = inspect_counting(few);
    REQUIRE(s.tables.size() == 7);
    for (const auto& t : s.tables) check_against_per_table_pragmas(*conn, t);

    CHECK(table(s, "plain").indexes.empty());
    CHECK(table(s, "plain").uniques.empty());
    const auto& many = table(s, "many");
    REQUIRE(many.indexes.size() == 3);
    CHECK(many.indexes[0].name == "ix many \"quoted\"");
    CHECK(many.indexes[0].unique);
    CHECK(many.indexes[1].columns == Strings{"(lower(c))", "a"});
    CHECK(many.indexes[2].where == "b > 0");
    REQUIRE(many.foreign_keys.size() == 2);
    CHECK(many.foreign_keys[0].ref_columns == Strings{"id"});  // REFERENCES "order"
    CHECK(many.foreign_keys[1].name == "fk_pair");
    CHECK(many.foreign_keys[1].ref_columns == Strings{"a", "b c"});
    const auto& weird = table(s, "we\"ird");
    REQUIRE(weird.uniques.size() == 2);
    CHECK(weird.uniques[0].name == "");
    CHECK(weird.uniques[1].name == "uq_w");
    CHECK(table(s, "bracket name").foreign_keys.size() == 2);
    CHECK(table(s, "wr").uniques.size() == 1);

    // Forty more tables, each with an index, a unique key and a foreign key: not one
    // statement more.
    std::string more;
    for (int i = 0; i < 40; ++i) {
        const std::string n = "extra " + std::to_string(i);
        more += "CREATE TABLE " + quoted(n) + " (id INTEGER PRIMARY KEY, v TEXT UNIQUE, " +
                "o INT REFERENCES \"order\" (id)); CREATE INDEX " + quoted("ix " + n) + " ON " +
                quoted(n) + " (lower(v)) WHERE o > 0;";
    }
    REQUIRE(conn->execute(more, diags));
    int many_tables = 0;
    auto bigger = inspect_counting(many_tables);
    CHECK(bigger.tables.size() == 47);
    CHECK(many_tables == few);
    CHECK(few <= 6);
    for (const auto& t : bigger.tables) check_against_per_table_pragmas(*conn, t);
}

TEST_CASE("sqlite inspector: the primary key's name, as CREATE TABLE gives it") {
    auto s = inspect(
        "CREATE TABLE a (id INTEGER NOT NULL CONSTRAINT \"pk_a\" PRIMARY KEY, v TEXT);"
        "CREATE TABLE b (x INT, y INT, CONSTRAINT pk_b PRIMARY KEY (x, y));"
        "CREATE TABLE c (id INTEGER PRIMARY KEY);"
        "CREATE TABLE d (x INT, y INT, PRIMARY KEY (x), CONSTRAINT uq_d UNIQUE (y));");
    REQUIRE(s.tables.size() == 4);
    CHECK(s.tables[0].primary_key->name == "pk_a");  // on the column, a rowid alias
    CHECK(s.tables[0].columns[0].identity);
    CHECK(s.tables[1].primary_key->name == "pk_b");  // a table constraint
    CHECK(s.tables[1].primary_key->columns == std::vector<std::string>{"x", "y"});
    CHECK(s.tables[2].primary_key->name.empty());  // unnamed
    CHECK(s.tables[3].primary_key->name.empty());  // another constraint's name is not its
    CHECK(s.tables[3].uniques[0].name == "uq_d");
}

TEST_CASE("sqlite inspector: virtual tables and their shadow tables are not the models' tables") {
    const char* ddl =
        "CREATE VIRTUAL TABLE docs USING fts5(body);"
        "CREATE VIRTUAL TABLE geo USING rtree(id, x0, x1);"
        "CREATE TABLE docs_archive (id INTEGER PRIMARY KEY);"  // a user's table, kept
        "CREATE TABLE items (id INTEGER PRIMARY KEY, q INT, d INT GENERATED ALWAYS AS (q * 2));";
    auto s = inspect(ddl);
    std::vector<std::string> names;
    for (const auto& t : s.tables) names.push_back(t.name);
    // Without the shadow rule, docs_config, docs_content, docs_data, docs_docsize,
    // docs_idx, geo_node, geo_parent and geo_rowid were reported, and a diff dropped them.
    CHECK(names == std::vector<std::string>{"docs_archive", "items"});

    support::Diagnostics diags;
    auto conn = db::open_sqlite(":memory:", diags);
    REQUIRE(conn);
    REQUIRE(conn->execute(ddl, diags));
    auto objects = introspect::make_sqlite_inspector()->unmodelled_objects(*conn, {}, diags);
    REQUIRE(objects);
    // The generated column "items"."d" is modelled (Column::generated): not listed.
    REQUIRE(objects->size() == 2);
    CHECK((*objects)[0].kind == "virtual table");
    CHECK((*objects)[0].name == "docs");
    CHECK((*objects)[1].kind == "virtual table");
    CHECK((*objects)[1].name == "geo");
    introspect::InspectOptions skip_items;
    skip_items.exclude_tables = {"ge*"};
    auto kept = introspect::make_sqlite_inspector()->unmodelled_objects(*conn, skip_items, diags);
    REQUIRE(kept);
    CHECK(kept->size() == 1);
}

TEST_CASE("sqlite inspector: views are objects, compared as their canonical tokens") {
    auto a = inspect(
        "CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT);"
        "CREATE VIEW emails AS SELECT email FROM users WHERE id > 1 -- kept by SQLite\n;");
    auto b = inspect(
        "CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT);"
        "create view \"Emails\" as\n  select EMAIL from \"USERS\"\n  where id>1;");
    REQUIRE(a.objects.size() == 1);
    REQUIRE(b.objects.size() == 1);
    CHECK(a.objects[0].kind == schema::ObjectKind::View);
    CHECK(a.objects[0].name == "emails");
    CHECK(a.objects[0].sql.find("CREATE VIEW emails AS SELECT email FROM users") == 0);
    // Layout, comments and the case of names and keywords are not part of a view's
    // definition; a string's case is.
    CHECK(a.objects[0].definition == b.objects[0].definition);
    auto c = inspect(
        "CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT);"
        "CREATE VIEW emails AS SELECT email FROM users WHERE email = 'A';");
    auto d = inspect(
        "CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT);"
        "CREATE VIEW emails AS SELECT email FROM users WHERE email = 'a';");
    CHECK(c.objects[0].definition != d.objects[0].definition);
}
