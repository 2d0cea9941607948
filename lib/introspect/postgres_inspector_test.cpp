// The PostgreSQL inspector against real databases on the test server (ctest's
// "postgres" fixture), each written by hand: one case per object kind, and the number
// of catalog queries checked not to grow with the number of tables.
#include "introspect/postgres_inspector.hpp"

#include <doctest/doctest.h>

#include "tests/support/postgres_test_server.hpp"

using namespace autogen;
using Strings = std::vector<std::string>;

namespace {

std::string print(const support::Diagnostics& diags) {
    std::string out;
    for (const auto& d : diags.items()) out += support::format(d) + "\n";
    return out;
}

/// Runs `ddl` on a fresh database and inspects it.
schema::Schema inspect(const std::string& ddl, const introspect::InspectOptions& options = {}) {
    test::PostgresTestDatabase database;
    support::Diagnostics diags;
    auto conn = database.connect(diags);
    REQUIRE(conn);
    INFO(print(diags));
    REQUIRE(conn->execute(ddl, diags));
    auto s = introspect::make_postgres_inspector()->inspect(*conn, options, diags);
    REQUIRE(s);
    CHECK_FALSE(diags.has_errors());
    return *s;
}

const schema::Table& table(const schema::Schema& s, const std::string& name,
                           const std::string& schema_name = {}) {
    const schema::Table* t = s.find_table(name, schema_name);
    REQUIRE_MESSAGE(t, "no table " << name);
    return *t;
}

const schema::Column& column(const schema::Table& t, const std::string& name) {
    const schema::Column* c = t.find_column(name);
    REQUIRE_MESSAGE(c, "no column " << name);
    return *c;
}

/// A real connection that counts the statements sent through it.
class CountingConnection final : public db::Connection {
  public:
    explicit CountingConnection(db::Connection& inner) : inner_(inner) {}
    std::string dialect() const override { return inner_.dialect(); }
    bool execute(std::string_view sql, support::Diagnostics& diags) override {
        ++calls;
        return inner_.execute(sql, diags);
    }
    std::optional<db::QueryResult> query(std::string_view sql,
                                         const std::vector<std::optional<std::string>>& params,
                                         support::Diagnostics& diags) override {
        ++calls;
        return inner_.query(sql, params, diags);
    }
    std::optional<bool> has_table(std::string_view name, support::Diagnostics& diags) override {
        ++calls;
        return inner_.has_table(name, diags);
    }
    bool begin(support::Diagnostics& diags) override { return inner_.begin(diags); }
    bool commit(support::Diagnostics& diags) override { return inner_.commit(diags); }
    bool rollback(support::Diagnostics& diags) override { return inner_.rollback(diags); }
    bool lock_migrations(std::string_view key, const db::LockWait& wait,
                         support::Diagnostics& diags) override {
        return inner_.lock_migrations(key, wait, diags);
    }
    void unlock_migrations(std::string_view key, support::Diagnostics& diags) override {
        inner_.unlock_migrations(key, diags);
    }
    bool lost() const override { return inner_.lost(); }
    int calls = 0;

  private:
    db::Connection& inner_;
};

}  // namespace

TEST_CASE("postgres inspector: tables, schemas, the version table and excluded tables") {
    introspect::InspectOptions options;
    options.exclude_tables = {"legacy_*", "sales.skip_me"};
    auto s = inspect(
        "CREATE TABLE users (id int); CREATE TABLE autogen_version (version_num varchar(64));"
        "CREATE TABLE legacy_users (id int); CREATE SCHEMA sales; CREATE TABLE sales.orders (id "
        "int);"
        "CREATE TABLE sales.skip_me (id int); CREATE TEMP TABLE scratch (id int);"
        "CREATE VIEW v AS SELECT 1 AS x; CREATE SEQUENCE s;"
        "CREATE TABLE parted (id int, at date) PARTITION BY RANGE (at);"
        "CREATE TABLE parted_2026 PARTITION OF parted FOR VALUES FROM ('2026-01-01') TO "
        "('2027-01-01');"
        "COMMENT ON TABLE users IS 'people who log in'",
        options);
    Strings names;
    for (const auto& t : s.tables) names.push_back(t.schema + "|" + t.name);
    // public first ("" schema field), then by schema and name; no view, sequence,
    // temporary table, partition, version table or excluded table.
    CHECK(names == Strings{"|parted", "|users", "sales|orders"});
    CHECK(table(s, "users").comment == "people who log in");
    CHECK(table(s, "orders", "sales").comment == "");
}

TEST_CASE("postgres inspector: columns, types, NOT NULL, defaults, collation, comments") {
    auto s = inspect(
        "CREATE TABLE items (name varchar(20) NOT NULL DEFAULT 'x', price numeric(10,2) DEFAULT "
        "0.5 * 2,"
        " created timestamptz DEFAULT now(), flags boolean, data bytea, big bigint,"
        " label text COLLATE \"C\", tags text[], \"Odd Name\" int);"
        "COMMENT ON COLUMN items.name IS 'shown in lists'");
    const auto& t = table(s, "items");
    Strings names;
    for (const auto& c : t.columns) names.push_back(c.name);
    CHECK(names ==
          Strings{"name", "price", "created", "flags", "data", "big", "label", "tags", "Odd Name"});
    CHECK(column(t, "name").type.sql == "character varying(20)");
    CHECK_FALSE(column(t, "name").nullable);
    CHECK(*column(t, "name").server_default == "'x'::character varying");
    CHECK(column(t, "name").comment == "shown in lists");
    CHECK(column(t, "price").type.sql == "numeric(10,2)");
    CHECK(column(t, "price").nullable);
    CHECK(*column(t, "price").server_default == "(0.5 * (2)::numeric)");
    CHECK(*column(t, "created").server_default == "now()");
    CHECK(column(t, "created").type.sql == "timestamp with time zone");
    CHECK(column(t, "flags").type.sql == "boolean");
    CHECK_FALSE(column(t, "flags").server_default);
    CHECK(column(t, "data").type.sql == "bytea");
    CHECK(column(t, "tags").type.sql == "text[]");
    CHECK(*column(t, "label").collation == "C");
    CHECK_FALSE(column(t, "name").collation);  // the type's default collation is not reported
    CHECK(column(t, "Odd Name").type.logical == schema::Logical::None);
}

TEST_CASE("postgres inspector: identity and serial columns") {
    auto s = inspect(
        "CREATE SEQUENCE free_seq;"
        "CREATE TABLE a (id bigint GENERATED BY DEFAULT AS IDENTITY, n int GENERATED ALWAYS AS "
        "IDENTITY,"
        " s serial, b bigserial, plain int DEFAULT nextval('free_seq'))");
    const auto& t = table(s, "a");
    CHECK(column(t, "id").identity);
    CHECK_FALSE(column(t, "id").nullable);
    CHECK_FALSE(column(t, "id").server_default);
    CHECK(column(t, "n").identity);
    CHECK(column(t, "s").identity);
    CHECK(column(t, "s").type.sql == "integer");
    CHECK_FALSE(column(t, "s").server_default);
    CHECK(column(t, "b").identity);
    CHECK(column(t, "b").type.sql == "bigint");
    // A default from a sequence the column does not own is an ordinary default.
    CHECK_FALSE(column(t, "plain").identity);
    CHECK(*column(t, "plain").server_default == "nextval('free_seq'::regclass)");
}

TEST_CASE("postgres inspector: primary keys") {
    auto s = inspect(
        "CREATE TABLE one (id int PRIMARY KEY);"
        "CREATE TABLE two (a int, b int, CONSTRAINT pk_two PRIMARY KEY (b, a));"
        "CREATE TABLE none_here (a int)");
    REQUIRE(table(s, "one").primary_key);
    CHECK(table(s, "one").primary_key->name == "one_pkey");
    CHECK(table(s, "one").primary_key->columns == Strings{"id"});
    CHECK(table(s, "two").primary_key->name == "pk_two");
    CHECK(table(s, "two").primary_key->columns == Strings{"b", "a"});
    CHECK_FALSE(table(s, "none_here").primary_key);
    // The key's index is the constraint's, not an index of its own.
    CHECK(table(s, "one").indexes.empty());
}

TEST_CASE("postgres inspector: foreign keys with actions, across schemas") {
    auto s = inspect(
        "CREATE SCHEMA crm; CREATE TABLE crm.accounts (id int PRIMARY KEY);"
        "CREATE TABLE pairs (x int, y int, PRIMARY KEY (x, y));"
        "CREATE TABLE posts (id int, account_id int REFERENCES crm.accounts ON DELETE CASCADE ON "
        "UPDATE SET NULL,"
        " a int, b int, c int DEFAULT 0,"
        " CONSTRAINT fk_ab FOREIGN KEY (b, a) REFERENCES pairs (y, x) ON DELETE RESTRICT "
        "DEFERRABLE INITIALLY DEFERRED,"
        " CONSTRAINT fk_c FOREIGN KEY (c, c) REFERENCES pairs ON DELETE SET DEFAULT)");
    const auto& posts = table(s, "posts");
    REQUIRE(posts.foreign_keys.size() == 3);  // sorted by name
    const auto& account = posts.foreign_keys[2];
    CHECK(account.name == "posts_account_id_fkey");
    CHECK(account.columns == Strings{"account_id"});
    CHECK(account.ref_schema == "crm");
    CHECK(account.ref_table == "accounts");
    CHECK(account.ref_columns == Strings{"id"});
    CHECK(account.on_delete == schema::ReferentialAction::Cascade);
    CHECK(account.on_update == schema::ReferentialAction::SetNull);
    const auto& ab = posts.foreign_keys[0];
    CHECK(ab.name == "fk_ab");
    CHECK(ab.columns == Strings{"b", "a"});
    CHECK(ab.ref_schema == "");
    CHECK(ab.ref_table == "pairs");
    CHECK(ab.ref_columns == Strings{"y", "x"});
    CHECK(ab.on_delete == schema::ReferentialAction::Restrict);
    CHECK(ab.on_update == schema::ReferentialAction::NoAction);
    CHECK(ab.deferrable);
    CHECK(ab.initially_deferred);
    CHECK_FALSE(account.deferrable);
    const auto& c = posts.foreign_keys[1];
    CHECK(c.columns == Strings{"c", "c"});
    CHECK(c.ref_columns == Strings{"x", "y"});  // REFERENCES pairs: its primary key
    CHECK(c.on_delete == schema::ReferentialAction::SetDefault);
}

TEST_CASE("postgres inspector: key columns of tables that are not reported are named too") {
    // Key columns come back as numbers and are named from the columns query: that must
    // cover a referenced partition, an excluded table and dropped columns before a key.
    introspect::InspectOptions options;
    options.exclude_tables = {"legacy"};
    auto s = inspect(
        "CREATE TABLE parted (id int, at date, gone int, PRIMARY KEY (id, at)) PARTITION BY RANGE "
        "(at);"
        "CREATE TABLE parted_2026 PARTITION OF parted FOR VALUES FROM ('2026-01-01') TO "
        "('2027-01-01');"
        "CREATE TABLE legacy (x int, dropped int, code text UNIQUE); ALTER TABLE legacy DROP "
        "COLUMN dropped;"
        "CREATE TABLE refs (a int, gone int, d date, code text, \"Odd, \"\"name\" int);"
        "ALTER TABLE refs DROP COLUMN gone;"
        "ALTER TABLE refs ADD FOREIGN KEY (a, d) REFERENCES parted_2026 (id, at);"
        "ALTER TABLE refs ADD CONSTRAINT fk_legacy FOREIGN KEY (code) REFERENCES legacy (code);"
        "CREATE INDEX ix_refs ON refs (\"Odd, \"\"name\", (a + 1), d)",
        options);
    CHECK_FALSE(s.find_table("legacy"));
    CHECK_FALSE(s.find_table("parted_2026"));
    const auto& refs = table(s, "refs");
    Strings names;
    for (const auto& c : refs.columns) names.push_back(c.name);
    CHECK(names == Strings{"a", "d", "code", "Odd, \"name"});
    REQUIRE(refs.foreign_keys.size() == 2);
    CHECK(refs.foreign_keys[0].name == "fk_legacy");
    CHECK(refs.foreign_keys[0].ref_table == "legacy");
    CHECK(refs.foreign_keys[0].ref_columns == Strings{"code"});
    CHECK(refs.foreign_keys[1].ref_table == "parted_2026");
    CHECK(refs.foreign_keys[1].columns == Strings{"a", "d"});
    CHECK(refs.foreign_keys[1].ref_columns == Strings{"id", "at"});
    REQUIRE(refs.indexes.size() == 1);
    CHECK(refs.indexes[0].columns == Strings{"Odd, \"name", "((a + 1))", "d"});
    REQUIRE(table(s, "parted").primary_key);
    CHECK(table(s, "parted").primary_key->columns == Strings{"id", "at"});
}

TEST_CASE("postgres inspector: a foreign key to a partitioned table is one foreign key") {
    // PostgreSQL keeps one internal clone of the constraint per partition of the
    // referenced table (pg_constraint.conparentid names the parent constraint); they are
    // not the user's and must not show up as further foreign keys.
    auto s = inspect(
        "CREATE TABLE p (id bigint, region text, PRIMARY KEY (id, region)) PARTITION BY LIST "
        "(region);"
        "CREATE TABLE p_eu PARTITION OF p FOR VALUES IN ('eu');"
        "CREATE TABLE p_us PARTITION OF p FOR VALUES IN ('us');"
        "CREATE TABLE c (id bigint PRIMARY KEY, pid bigint, region text,"
        " CONSTRAINT fk_c_p FOREIGN KEY (pid, region) REFERENCES p (id, region))");
    const auto& c = table(s, "c");
    REQUIRE(c.foreign_keys.size() == 1);
    CHECK(c.foreign_keys[0].name == "fk_c_p");
    CHECK(c.foreign_keys[0].ref_table == "p");
    CHECK(c.foreign_keys[0].ref_columns == Strings{"id", "region"});
    CHECK(table(s, "p").foreign_keys.empty());
}

TEST_CASE("postgres inspector: generated columns are read as plain columns, with a warning") {
    test::PostgresTestDatabase database;
    support::Diagnostics diags;
    auto conn = database.connect(diags);
    REQUIRE(conn);
    REQUIRE(conn->execute(
        "CREATE TABLE g (n int DEFAULT 1, twice int GENERATED ALWAYS AS (n * 2) STORED)", diags));
    auto s = introspect::make_postgres_inspector()->inspect(*conn, {}, diags);
    REQUIRE(s);
    const auto& t = table(*s, "g");
    CHECK(*column(t, "n").server_default == "1");
    CHECK_FALSE(column(t, "twice").server_default);
    REQUIRE(diags.items().size() == 1);
    CHECK(diags.items()[0].message.find("\"g\".\"twice\" is a generated column") !=
          std::string::npos);
}

TEST_CASE("postgres inspector: the session's JIT setting is put back") {
    test::PostgresTestDatabase database;
    support::Diagnostics diags;
    auto conn = database.connect(diags);
    REQUIRE(conn);
    for (const char* setting : {"on", "off"}) {
        CAPTURE(setting);
        REQUIRE(conn->query("SELECT set_config('jit', $1, false)", {std::string(setting)}, diags));
        REQUIRE(introspect::make_postgres_inspector()->inspect(*conn, {}, diags));
        auto now = conn->query("SELECT current_setting('jit')", {}, diags);
        REQUIRE(now);
        CHECK(*now->rows.at(0).at(0) == setting);
    }
    CHECK_FALSE(diags.has_errors());
}

TEST_CASE("postgres inspector: unique constraints are not reported as indexes") {
    auto s = inspect("CREATE TABLE u (a int UNIQUE, b int, c int, CONSTRAINT uq_bc UNIQUE (c, b))");
    const auto& t = table(s, "u");
    REQUIRE(t.uniques.size() == 2);
    CHECK(t.uniques[0].name == "u_a_key");
    CHECK(t.uniques[0].columns == Strings{"a"});
    CHECK(t.uniques[1].name == "uq_bc");
    CHECK(t.uniques[1].columns == Strings{"c", "b"});
    CHECK(t.indexes.empty());
}

TEST_CASE("postgres inspector: indexes (unique, partial, expressions, methods)") {
    auto s = inspect(
        "CREATE TABLE users (id int, email text, deleted_at timestamptz, \"Name\" text, tags "
        "text[]);"
        "CREATE INDEX ix_email_lower ON users (lower(email), id) WHERE deleted_at IS NULL;"
        "CREATE UNIQUE INDEX ux_name ON users (\"Name\");"
        "CREATE INDEX ix_tags ON users USING gin (tags);"
        "CREATE INDEX ix_plain ON users (id DESC) INCLUDE (email)");
    const auto& t = table(s, "users");
    REQUIRE(t.indexes.size() == 4);
    const auto& lower = t.indexes[0];
    CHECK(lower.name == "ix_email_lower");
    CHECK(lower.columns == Strings{"(lower(email))", "id"});
    CHECK_FALSE(lower.unique);
    CHECK(lower.where == "deleted_at IS NULL");
    CHECK(t.indexes[1].name == "ix_plain");
    CHECK(t.indexes[1].columns == Strings{"id"});  // key columns only, not INCLUDE
    CHECK(t.indexes[2].name == "ix_tags");
    CHECK(t.indexes[2].columns == Strings{"tags"});
    CHECK(t.indexes[2].method == "gin");
    CHECK(t.indexes[1].method == "");  // btree, the default
    CHECK(t.indexes[3].name == "ux_name");
    CHECK(t.indexes[3].unique);
    CHECK(t.indexes[3].columns == Strings{"Name"});
    CHECK(t.indexes[3].where == "");
}

TEST_CASE("postgres inspector: check constraints") {
    auto s = inspect(
        "CREATE TABLE p (price int CHECK (price > 0), lo int, hi int,"
        " CONSTRAINT ck_range CHECK (lo < hi AND (lo > 0 OR hi < 10)), CONSTRAINT ck_two CHECK "
        "((lo > 1) AND (hi > 1)))");
    const auto& t = table(s, "p");
    REQUIRE(t.checks.size() == 3);
    CHECK(t.checks[0].name == "ck_range");
    CHECK(t.checks[0].expression == "lo < hi AND (lo > 0 OR hi < 10)");
    CHECK(t.checks[1].name == "ck_two");
    CHECK(t.checks[1].expression == "lo > 1 AND hi > 1");
    CHECK(t.checks[2].name == "p_price_check");
    CHECK(t.checks[2].expression == "price > 0");
}

TEST_CASE("postgres inspector: enum types and enum columns") {
    auto s = inspect(
        "CREATE TYPE mood AS ENUM ('sad', 'ok'); ALTER TYPE mood ADD VALUE 'happy' BEFORE 'ok';"
        "CREATE SCHEMA sales; CREATE TYPE sales.status AS ENUM ('new', 'paid');"
        "CREATE TABLE people (m mood NOT NULL DEFAULT 'ok', s sales.status, plain text)");
    REQUIRE(s.enums.size() == 2);
    CHECK(s.enums[0].schema == "");
    CHECK(s.enums[0].name == "mood");
    CHECK(s.enums[0].labels == Strings{"sad", "happy", "ok"});  // enumsortorder, not creation order
    CHECK(s.enums[1].schema == "sales");
    CHECK(s.enums[1].name == "status");
    CHECK(s.enums[1].labels == Strings{"new", "paid"});
    const auto& t = table(s, "people");
    CHECK(column(t, "m").type.enum_name == "mood");
    CHECK(column(t, "m").type.sql == "mood");
    CHECK(*column(t, "m").server_default == "'ok'::mood");
    CHECK(column(t, "s").type.enum_name == "status");
    CHECK(column(t, "s").type.sql == "sales.status");
    CHECK(column(t, "plain").type.enum_name == "");
}

TEST_CASE("postgres inspector: an empty database") {
    auto s = inspect("SELECT 1");
    CHECK(s.tables.empty());
    CHECK(s.enums.empty());
}

TEST_CASE("postgres inspector: the number of catalog queries does not grow with the tables") {
    test::PostgresTestDatabase database;
    support::Diagnostics diags;
    auto conn = database.connect(diags);
    REQUIRE(conn);
    auto queries_for = [&](int tables) {
        std::string ddl;
        for (int i = 0; i < tables; ++i) {
            std::string n = std::to_string(i);
            ddl += "CREATE TABLE IF NOT EXISTS t" + n +
                   " (id int PRIMARY KEY, v text UNIQUE, p int REFERENCES t0 (id)"
                   " CHECK (p > 0)); CREATE INDEX IF NOT EXISTS ix_t" +
                   n + " ON t" + n + " (lower(v));";
        }
        REQUIRE(conn->execute(ddl, diags));
        CountingConnection counting(*conn);
        auto s = introspect::make_postgres_inspector()->inspect(counting, {}, diags);
        REQUIRE(s);
        CHECK(s->tables.size() == static_cast<std::size_t>(tables));
        CHECK(s->tables.back().indexes.size() == 1);
        return counting.calls;
    };
    int one = queries_for(1);
    int many = queries_for(60);
    CHECK(one == 7);  // the five catalog queries, and JIT switched off before and back after
    CHECK(many == one);
    CHECK_FALSE(diags.has_errors());
}

TEST_CASE("postgres inspector: a failing query is named") {
    test::PostgresTestDatabase database;
    support::Diagnostics diags;
    auto conn = database.connect(diags);
    REQUIRE(conn);
    // An aborted transaction makes the first catalog query fail.
    REQUIRE(conn->begin(diags));
    CHECK_FALSE(conn->execute("SELECT 1/0", diags));
    diags.clear();
    CHECK_FALSE(introspect::make_postgres_inspector()->inspect(*conn, {}, diags));
    REQUIRE(diags.has_errors());
    CHECK(diags.items().back().message == "PostgreSQL inspection query \"tables\" failed");
    CHECK(diags.items().front().message.find("current transaction is aborted") !=
          std::string::npos);
    conn->rollback(diags);
}
