// The runner on a real PostgreSQL server (ctest's "postgres" fixture): version table,
// one transaction per revision, no-transaction sections, a failing statement named by
// file and line, stamp, and concurrent migrators serialised by the advisory lock.
#include <doctest/doctest.h>

#include <thread>

#include "db/postgres_connection.hpp"
#include "migrate/runner.hpp"
#include "tests/support/counting_connection.hpp"
#include "tests/support/postgres_test_server.hpp"
#include "tests/support/temp_dir.hpp"

using namespace autogen;
using migrate::RevisionGraph;
using Ids = std::vector<std::string>;

namespace {

const std::vector<std::string> kPostgres = {"postgresql"};

/// A revision file with one postgresql section pair.
std::string revision(const std::string& id, const std::string& down, const std::string& upgrade_sql,
                     const std::string& downgrade_sql) {
    return "-- autogen revision\n-- revision: " + id + "\n-- down_revision: " + down +
           "\n-- message: step " + id +
           "\n-- created: 2026-11-21T15:30:00Z\n\n-- +upgrade postgresql\n" + upgrade_sql +
           "\n\n-- +downgrade postgresql\n" + downgrade_sql + "\n";
}

RevisionGraph load(const testing::TempDir& dir) {
    support::Diagnostics diags;
    auto g = RevisionGraph::load(dir.path() / "migrations", kPostgres, diags);
    REQUIRE(g);
    return std::move(*g);
}

std::unique_ptr<db::Connection> connect(const test::PostgresTestDatabase& database) {
    support::Diagnostics diags;
    auto conn = database.connect(diags);
    REQUIRE(conn);
    return conn;
}

std::string print(const support::Diagnostics& diags) {
    std::string out;
    for (const auto& d : diags.items()) out += support::format(d) + "\n";
    return out;
}

Ids applied_ids(const migrate::RunResult& r) {
    Ids out;
    for (const auto& a : r.applied) out.push_back(a.id);
    return out;
}

/// The tables of the public schema, comma-separated in name order.
std::string tables(db::Connection& conn) {
    support::Diagnostics diags;
    auto r = conn.query(
        "SELECT string_agg(tablename, ',' ORDER BY tablename) FROM pg_tables "
        "WHERE schemaname = 'public'",
        {}, diags);
    REQUIRE(r);
    return r->rows[0][0].value_or("");
}

/// users -> phone column -> index: the chain most cases use.
void linear_chain(const testing::TempDir& dir) {
    dir.write(
        "migrations/001.sql",
        revision("a1", "none",
                 "CREATE TABLE \"users\" (\"id\" BIGSERIAL PRIMARY KEY, \"email\" TEXT NOT NULL);",
                 "DROP TABLE \"users\";"));
    dir.write("migrations/002.sql",
              revision("b2", "a1", "ALTER TABLE \"users\" ADD COLUMN \"phone\" VARCHAR(20);",
                       "ALTER TABLE \"users\" DROP COLUMN \"phone\";"));
    dir.write("migrations/003.sql",
              revision("c3", "b2",
                       "-- autogen: no-transaction\nCREATE INDEX CONCURRENTLY \"ix_users_email\" "
                       "ON \"users\" (\"email\");",
                       "DROP INDEX \"ix_users_email\";"));
}

}  // namespace

TEST_CASE("postgres runner: upgrade, downgrade, stamp, no-transaction section, lock released") {
    testing::TempDir dir;
    linear_chain(dir);
    auto graph = load(dir);
    test::PostgresTestDatabase database;
    auto conn = connect(database);
    support::Diagnostics diags;

    CHECK(migrate::current(*conn, "autogen_version", diags)->empty());
    auto up = migrate::upgrade(*conn, graph, "head", {}, diags);
    INFO(print(diags));
    REQUIRE(up.ok);
    CHECK(applied_ids(up) == Ids{"a1", "b2", "c3"});
    CHECK_FALSE(up.applied[1].no_transaction);
    CHECK(up.applied[2].no_transaction);  // CREATE INDEX CONCURRENTLY cannot run in a transaction
    // the step log came with the first no-transaction section, and is empty once it is done
    CHECK(tables(*conn) == "autogen_version,autogen_version_log,autogen_version_steps,users");
    CHECK(*migrate::current(*conn, "autogen_version", diags) == Ids{"c3"});
    auto index = conn->query("SELECT count(*) FROM pg_indexes WHERE indexname = 'ix_users_email'",
                             {}, diags);
    CHECK(*index->rows[0][0] == "1");

    // The run released its advisory lock: another session can take it at once.
    auto other = connect(database);
    auto key = std::to_string(db::migration_lock_key("autogen_version"));
    CHECK(*other->query("SELECT pg_try_advisory_lock($1::bigint)", {key}, diags)->rows[0][0] ==
          "t");
    other->query("SELECT pg_advisory_unlock($1::bigint)", {key}, diags);

    CHECK(migrate::upgrade(*conn, graph, "head", {}, diags).already_there());

    auto down = migrate::downgrade(*conn, graph, "-2", {}, diags);
    REQUIRE(down.ok);
    CHECK(applied_ids(down) == Ids{"c3", "b2"});
    CHECK(*migrate::current(*conn, "autogen_version", diags) == Ids{"a1"});
    auto columns = conn->query(
        "SELECT count(*) FROM information_schema.columns WHERE table_name = 'users'", {}, diags);
    CHECK(*columns->rows[0][0] == "2");

    auto stamped = migrate::stamp(*conn, graph, "c3", {}, diags);
    REQUIRE(stamped.ok);
    CHECK(stamped.heads_before == Ids{"a1"});
    CHECK(stamped.heads_after == Ids{"c3"});
    REQUIRE(migrate::downgrade(*conn, graph, "base", {}, diags).ok ==
            false);  // c3's index is not there
    diags.clear();
    REQUIRE(migrate::stamp(*conn, graph, "base", {}, diags).ok);
    CHECK(migrate::current(*conn, "autogen_version", diags)->empty());
    CHECK_FALSE(diags.has_errors());
}

TEST_CASE(
    "postgres runner: an up-to-date database costs one round trip, a pending one the long way") {
    testing::TempDir dir;
    linear_chain(dir);
    auto graph = load(dir);
    test::PostgresTestDatabase database;
    auto conn = connect(database);
    support::Diagnostics diags;

    // A fresh database: the one read fails (no version table), the long way creates it.
    test::CountingConnection fresh(*conn);
    auto first = migrate::upgrade(fresh, graph, "b2", {}, diags);
    INFO(print(diags));
    REQUIRE(first.ok);
    CHECK(applied_ids(first) == Ids{"a1", "b2"});
    CHECK(fresh.round_trips() > 5);

    // At the target: one statement, no lock, no transaction, nothing written.
    test::CountingConnection settled(*conn);
    auto again = migrate::upgrade(settled, graph, "b2", {}, diags);
    REQUIRE(again.already_there());
    CHECK(again.heads_before == Ids{"b2"});
    CHECK(again.heads_after == Ids{"b2"});
    CHECK(settled.round_trips() == 1);
    test::CountingConnection settled_down(*conn);
    REQUIRE(migrate::downgrade(settled_down, graph, "b2", {}, diags).already_there());
    CHECK(settled_down.round_trips() == 1);

    // Pending: the long way, which applies.
    test::CountingConnection pending(*conn);
    auto rest = migrate::upgrade(pending, graph, "head", {}, diags);
    REQUIRE(rest.ok);
    CHECK(applied_ids(rest) == Ids{"c3"});
    CHECK(pending.control_calls > 0);

    // An applied revision edited since: not "nothing to do", the long way refuses it.
    dir.write("migrations/002.sql",
              revision("b2", "a1", "ALTER TABLE \"users\" ADD COLUMN \"phone\" VARCHAR(30);",
                       "ALTER TABLE \"users\" DROP COLUMN \"phone\";"));
    auto edited_graph = load(dir);
    support::Diagnostics refused;
    CHECK_FALSE(migrate::upgrade(*conn, edited_graph, "head", {}, refused).ok);
    CHECK(print(refused).find("b2 was edited after it was applied") != std::string::npos);
    CHECK_FALSE(diags.has_errors());
}

TEST_CASE(
    "postgres runner: a failing statement rolls its revision back and names file, line and "
    "statement") {
    testing::TempDir dir;
    dir.write("migrations/001.sql",
              revision("a1", "none", "CREATE TABLE \"t\" (\"a\" INTEGER);", "DROP TABLE \"t\";"));
    // Line 8 of the file is the section's first line; the error is on line 10.
    dir.write("migrations/002.sql",
              revision("b2", "a1",
                       "CREATE TABLE \"kept_only_if_b2_commits\" (\"a\" INTEGER);\nINSERT INTO "
                       "\"t\"\n  SELECT nope FROM \"t\";",
                       "DROP TABLE \"kept_only_if_b2_commits\";"));
    auto graph = load(dir);
    test::PostgresTestDatabase database;
    auto conn = connect(database);
    support::Diagnostics diags;
    auto up = migrate::upgrade(*conn, graph, "head", {}, diags);
    CHECK_FALSE(up.ok);
    CHECK(applied_ids(up) == Ids{"a1"});  // a1 committed before b2 failed
    REQUIRE(diags.error_count() == 1);
    const auto& d = diags.items().front();
    INFO(print(diags));
    CHECK(d.category == support::Category::Database);
    CHECK(d.location.file.find("002.sql") != std::string::npos);
    CHECK(d.location.line == 10);
    CHECK(d.location.column == 10);
    CHECK(d.message.find("revision b2 (step b2) failed at upgrade") != std::string::npos);
    CHECK(d.message.find("column \"nope\" does not exist") != std::string::npos);
    CHECK(d.message.find("statement: INSERT INTO \"t\"\n  SELECT nope") != std::string::npos);
    CHECK(tables(*conn) == "autogen_version,autogen_version_log,t");
    CHECK(*migrate::current(*conn, "autogen_version", diags) == Ids{"a1"});
    // The connection is usable afterwards (no transaction left open or aborted).
    CHECK(conn->execute("CREATE TABLE after_failure (a int)", diags));
}

TEST_CASE("postgres runner: concurrent migrators on an empty database apply each revision once") {
    testing::TempDir dir;
    // r1 sleeps so that the other migrator surely arrives while the first one runs.
    dir.write("migrations/000.sql",
              revision("r0", "none",
                       "CREATE TABLE \"log\" (\"rev\" TEXT);\nINSERT INTO \"log\" VALUES ('r0');",
                       "DROP TABLE \"log\";"));
    std::string down = "r0";
    for (int i = 1; i <= 6; ++i) {
        std::string id = "r" + std::to_string(i);
        std::string sleep = i == 1 ? "SELECT pg_sleep(0.3);\n" : "";
        dir.write("migrations/00" + std::to_string(i) + ".sql",
                  revision(id, down,
                           sleep + "CREATE TABLE \"t" + id +
                               "\" (\"a\" INTEGER);\nINSERT INTO \"log\" VALUES ('" + id + "');",
                           "DROP TABLE \"t" + id + "\";"));
        down = id;
    }
    auto graph = load(dir);
    test::PostgresTestDatabase database;
    migrate::RunResult results[3];
    support::Diagnostics diags[3];
    auto migrator = [&](int k) {
        auto conn = database.connect(diags[k]);
        if (conn) results[k] = migrate::upgrade(*conn, graph, "head", {}, diags[k]);
    };
    // Three sessions race from nothing: version table creation included.
    std::thread t0(migrator, 0), t1(migrator, 1), t2(migrator, 2);
    t0.join();
    t1.join();
    t2.join();
    std::string all = print(diags[0]) + print(diags[1]) + print(diags[2]);
    INFO(all);
    CHECK(results[0].ok);
    CHECK(results[1].ok);
    CHECK(results[2].ok);
    CHECK(results[0].applied.size() + results[1].applied.size() + results[2].applied.size() == 7);

    auto conn = connect(database);
    support::Diagnostics d;
    auto twice = conn->query("SELECT rev FROM \"log\" GROUP BY rev HAVING count(*) <> 1", {}, d);
    REQUIRE(twice);
    CHECK(twice->rows.empty());
    CHECK(*conn->query("SELECT count(*) FROM \"log\"", {}, d)->rows[0][0] == "7");
    CHECK(*migrate::current(*conn, "autogen_version", d) == Ids{"r6"});
}

TEST_CASE("postgres runner: a held migration lock is waited for, its holder named, then given up") {
    testing::TempDir dir;
    linear_chain(dir);
    test::PostgresTestDatabase database;
    auto holder = connect(database);
    auto conn = connect(database);
    support::Diagnostics diags;
    const std::string pid = *holder->query("SELECT pg_backend_pid()::text", {}, diags)->rows[0][0];
    REQUIRE(holder->lock_migrations("autogen_version", {}, diags));

    auto graph = load(dir);
    migrate::RunOptions options;
    options.lock_wait.timeout_seconds = 0.5;
    options.lock_wait.quiet_seconds = 0.1;
    std::string told;
    options.lock_wait.on_wait = [&](const std::string& line) { told += line + "\n"; };
    auto result = migrate::upgrade(*conn, graph, "head", options, diags);
    CHECK_FALSE(result.ok);
    CHECK(told.find("waiting for the migration lock (autogen_version)") != std::string::npos);
    CHECK(told.find("held by pid " + pid + " (user ") != std::string::npos);
    CHECK(told.find("last statement: SELECT pg_try_advisory_lock") != std::string::npos);
    const std::string printed = print(diags);
    CHECK(printed.find("gave up waiting for the migration lock (autogen_version)") !=
          std::string::npos);
    CHECK(printed.find("after 0.5 s: it is held by pid " + pid) != std::string::npos);
    CHECK(printed.find("pg_terminate_backend") != std::string::npos);
    REQUIRE(diags.items().size() == 1);
    CHECK(diags.items()[0].category == support::Category::Database);
    CHECK(tables(*conn).empty());  // nothing ran, not even the version table's creation

    // Once released, the same run goes through.
    holder->unlock_migrations("autogen_version", diags);
    support::Diagnostics again;
    CHECK(migrate::upgrade(*conn, graph, "head", options, again).ok);
}

TEST_CASE(
    "postgres runner: a session killed during a revision is one clear error and keeps nothing") {
    testing::TempDir dir;
    linear_chain(dir);
    // The runner's own session is terminated in the middle of b2, after its first statement.
    dir.write("migrations/002.sql",
              revision("b2", "a1",
                       "ALTER TABLE \"users\" ADD COLUMN \"phone\" VARCHAR(20);\n"
                       "SELECT pg_terminate_backend(pg_backend_pid());\n"
                       "ALTER TABLE \"users\" ADD COLUMN \"fax\" VARCHAR(20);",
                       "ALTER TABLE \"users\" DROP COLUMN \"phone\";"));
    test::PostgresTestDatabase database;
    auto graph = load(dir);
    auto conn = connect(database);
    support::Diagnostics diags;
    auto result = migrate::upgrade(*conn, graph, "head", {}, diags);
    CHECK_FALSE(result.ok);
    CHECK(applied_ids(result) == Ids{"a1"});
    CHECK(conn->lost());
    REQUIRE(diags.items().size() == 1);  // not a second error for a ROLLBACK on the dead connection
    const auto& error = diags.items()[0];
    CHECK(error.category == support::Category::Database);
    CHECK(
        error.message.find(
            "the connection to the database was lost while revision b2 (step b2) ran at upgrade") !=
        std::string::npos);
    CHECK(error.location.line == 9);  // the statement that was running
    CHECK(error.hint.find("nothing of revision b2 was kept") != std::string::npos);
    CHECK(error.hint.find("run `autogen upgrade` again") != std::string::npos);
    CHECK(error.hint.find("fix the statement") == std::string::npos);

    // The database is as a1 left it: no phone column, the version table at a1.
    auto fresh = connect(database);
    support::Diagnostics read;
    auto columns = fresh->query(
        "SELECT string_agg(column_name, ',' ORDER BY column_name) FROM "
        "information_schema.columns WHERE table_name = 'users'",
        {}, read);
    REQUIRE(columns);
    CHECK(columns->rows[0][0] == std::optional<std::string>("email,id"));
    CHECK(migrate::current(*fresh, "autogen_version", read) == std::optional<Ids>(Ids{"a1"}));
}

TEST_CASE(
    "postgres runner: a session killed in a no-transaction section says which statements ran") {
    testing::TempDir dir;
    linear_chain(dir);
    dir.write("migrations/003.sql",
              revision("c3", "b2",
                       "-- autogen: no-transaction\n"
                       "CREATE INDEX CONCURRENTLY \"ix_users_email\" ON \"users\" (\"email\");\n"
                       "SELECT pg_terminate_backend(pg_backend_pid());",
                       "DROP INDEX \"ix_users_email\";"));
    test::PostgresTestDatabase database;
    auto conn = connect(database);
    support::Diagnostics diags;
    auto result = migrate::upgrade(*conn, load(dir), "head", {}, diags);
    CHECK_FALSE(result.ok);
    CHECK(applied_ids(result) == Ids{"a1", "b2"});
    REQUIRE(diags.items().size() == 1);
    const auto& error = diags.items()[0];
    CHECK(error.message.find("the connection to the database was lost while revision c3") !=
          std::string::npos);
    CHECK(error.location.line == 10);
    CHECK(error.hint.find("outside a transaction") != std::string::npos);
    CHECK(error.hint.find("the statements at line(s) 9 completed and stay applied") !=
          std::string::npos);
    CHECK(error.hint.find("the one at line 10 may or may not have") != std::string::npos);
}

namespace {

/// t(id, v) with two equal v: a unique index on v fails until the data is fixed.
void resumable_chain(const testing::TempDir& dir, const std::string& unique_word = "UNIQUE ") {
    dir.write("migrations/001.sql",
              revision("a1", "none",
                       "CREATE TABLE \"t\" (\"id\" INTEGER PRIMARY KEY, \"v\" INTEGER);\n"
                       "INSERT INTO \"t\" VALUES (1, 1), (2, 1), (3, 2);",
                       "DROP TABLE \"t\";"));
    dir.write("migrations/002.sql",
              revision("b2", "a1",
                       "-- autogen: no-transaction\n"
                       "CREATE INDEX CONCURRENTLY \"ix_t_id_v\" ON \"t\" (\"id\", \"v\");\n"
                       "CREATE " +
                           unique_word +
                           "INDEX CONCURRENTLY \"uq_t_v\" ON \"t\" (\"v\");\n"
                           "CREATE INDEX CONCURRENTLY \"ix_t_v_id\" ON \"t\" (\"v\", \"id\");",
                       "-- autogen: no-transaction\n"
                       "DROP INDEX CONCURRENTLY \"ix_t_v_id\";\n"
                       "DROP INDEX CONCURRENTLY \"uq_t_v\";\n"
                       "DROP INDEX CONCURRENTLY \"ix_t_id_v\";"));
}

/// "name:valid" of t's indexes other than its key, in name order ("ix:t,uq:f").
std::string index_states(db::Connection& conn) {
    support::Diagnostics diags;
    auto r = conn.query(
        "SELECT string_agg(c.relname || ':' || i.indisvalid, ',' ORDER BY c.relname) "
        "FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid "
        "WHERE i.indrelid = 't'::regclass AND NOT i.indisprimary",
        {}, diags);
    REQUIRE(r);
    return r->rows[0][0].value_or("");
}

std::string index_oid(db::Connection& conn, const std::string& name) {
    support::Diagnostics diags;
    auto r = conn.query("SELECT to_regclass($1)::oid", {name}, diags);
    REQUIRE(r);
    return r->rows[0][0].value_or("");
}

std::string step_rows(db::Connection& conn) {
    support::Diagnostics diags;
    auto r = conn.query("SELECT count(*) FROM autogen_version_steps", {}, diags);
    REQUIRE(r);
    return *r->rows[0][0];
}

}  // namespace

TEST_CASE(
    "postgres runner: a no-transaction section that failed resumes at the failed statement, the "
    "INVALID index it left is rebuilt, the completed ones are not") {
    testing::TempDir dir;
    resumable_chain(dir);
    test::PostgresTestDatabase database;
    auto conn = connect(database);
    support::Diagnostics failed;
    auto up = migrate::upgrade(*conn, load(dir), "head", {}, failed);
    REQUIRE_FALSE(up.ok);
    INFO(print(failed));
    CHECK(print(failed).find("could not create unique index \"uq_t_v\"") != std::string::npos);
    CHECK(print(failed).find("it resumes at this statement") != std::string::npos);
    // The failed build left its index INVALID; the first index completed and is recorded.
    CHECK(index_states(*conn) == "ix_t_id_v:true,uq_t_v:false");
    CHECK(step_rows(*conn) == "2");  // the section's start and its first statement
    const std::string first_index = index_oid(*conn, "ix_t_id_v");

    support::Diagnostics diags;
    REQUIRE(conn->execute("UPDATE t SET v = 3 WHERE id = 2", diags));
    auto again = migrate::upgrade(*conn, load(dir), "head", {}, diags);
    INFO(print(diags));
    REQUIRE(again.ok);
    CHECK(applied_ids(again) == Ids{"b2"});
    CHECK(print(diags).find("resuming revision b2's upgrade section: 1 statement(s) completed by "
                            "an earlier run are skipped") != std::string::npos);
    CHECK(print(diags).find("index \"uq_t_v\" was left INVALID by the interrupted build: removed "
                            "(DROP INDEX CONCURRENTLY IF EXISTS \"uq_t_v\")") != std::string::npos);
    CHECK(index_states(*conn) == "ix_t_id_v:true,ix_t_v_id:true,uq_t_v:true");
    CHECK(index_oid(*conn, "ix_t_id_v") == first_index);  // not built a second time
    CHECK(step_rows(*conn) == "0");                       // cleared with the version change
    CHECK(*migrate::current(*conn, "autogen_version", diags) == Ids{"b2"});

    // A downgrade stopped after its first drop (the kill came before the drop was
    // recorded): the statement it stopped in is found done, the rest run.
    REQUIRE(
        conn->execute("INSERT INTO autogen_version_steps (revision, direction, statement, "
                      "line) VALUES ('b2', 'downgrade', '', 0)",
                      diags));
    REQUIRE(conn->execute("DROP INDEX ix_t_v_id", diags));
    auto down = migrate::downgrade(*conn, load(dir), "a1", {}, diags);
    REQUIRE(down.ok);
    CHECK(print(diags).find("completed (index \"ix_t_v_id\" is gone): not run again") !=
          std::string::npos);
    CHECK(index_states(*conn) == "");
    CHECK(step_rows(*conn) == "0");
    CHECK_FALSE(diags.has_errors());
}

TEST_CASE(
    "postgres runner: the failed statement fixed in the file, the run resumes: completed "
    "statements are known by their text, not their line") {
    testing::TempDir dir;
    resumable_chain(dir);
    test::PostgresTestDatabase database;
    auto conn = connect(database);
    support::Diagnostics failed;
    REQUIRE_FALSE(migrate::upgrade(*conn, load(dir), "head", {}, failed).ok);
    const std::string first_index = index_oid(*conn, "ix_t_id_v");

    // The author decides the index need not be unique, and adds a comment line above it
    // (every later line moves).
    resumable_chain(dir, "");
    auto text = testing::read_file(dir.path() / "migrations/002.sql");
    text.replace(text.find("CREATE INDEX CONCURRENTLY \"uq_t_v\""), 0, "-- not unique after all\n");
    dir.write("migrations/002.sql", text);
    support::Diagnostics diags;
    auto again = migrate::upgrade(*conn, load(dir), "head", {}, diags);
    INFO(print(diags));
    REQUIRE(again.ok);
    CHECK(index_states(*conn) == "ix_t_id_v:true,ix_t_v_id:true,uq_t_v:true");
    CHECK(index_oid(*conn, "ix_t_id_v") == first_index);
    auto unique = conn->query(
        "SELECT indisunique FROM pg_index WHERE indexrelid = 'uq_t_v'::regclass", {}, diags);
    CHECK(*unique->rows[0][0] == "f");
    CHECK_FALSE(diags.has_errors());
}

TEST_CASE("postgres runner: stamping across a half-run revision forgets what was recorded of it") {
    testing::TempDir dir;
    resumable_chain(dir);
    test::PostgresTestDatabase database;
    auto conn = connect(database);
    support::Diagnostics failed;
    REQUIRE_FALSE(migrate::upgrade(*conn, load(dir), "head", {}, failed).ok);
    CHECK(step_rows(*conn) == "2");
    support::Diagnostics diags;
    // Finished by hand, then stamped: nothing of b2 is left to resume.
    REQUIRE(
        conn->execute("DROP INDEX uq_t_v; UPDATE t SET v = 3 WHERE id = 2; CREATE UNIQUE "
                      "INDEX uq_t_v ON t (v); CREATE INDEX ix_t_v_id ON t (v, id)",
                      diags));
    REQUIRE(migrate::stamp(*conn, load(dir), "b2", {}, diags).ok);
    CHECK(step_rows(*conn) == "0");
    // Down and up again runs every statement (none is skipped as done by the old run).
    REQUIRE(migrate::downgrade(*conn, load(dir), "a1", {}, diags).ok);
    REQUIRE(migrate::upgrade(*conn, load(dir), "head", {}, diags).ok);
    INFO(print(diags));
    CHECK(print(diags).find("resuming") == std::string::npos);
    CHECK(index_states(*conn) == "ix_t_id_v:true,ix_t_v_id:true,uq_t_v:true");
    CHECK_FALSE(diags.has_errors());
}

namespace {

/// t plus a revision that takes ACCESS EXCLUSIVE on it under a 100 ms lock_timeout,
/// in a transaction or (no_transaction) outside one.
void lock_chain(const testing::TempDir& dir, bool no_transaction) {
    dir.write("migrations/001.sql",
              revision("a1", "none", "CREATE TABLE \"t\" (\"id\" INTEGER PRIMARY KEY);",
                       "DROP TABLE \"t\";"));
    dir.write("migrations/002.sql",
              revision("b2", "a1",
                       no_transaction ? "-- autogen: no-transaction\nSET lock_timeout = '100ms';\n"
                                        "ALTER TABLE \"t\" ADD COLUMN \"c\" INTEGER;\n"
                                        "RESET lock_timeout;"
                                      : "SET LOCAL lock_timeout = '100ms';\n"
                                        "ALTER TABLE \"t\" ADD COLUMN \"c\" INTEGER;",
                       "ALTER TABLE \"t\" DROP COLUMN \"c\";"));
}

/// Another session that holds a lock on t (an open transaction that read it), as a long
/// report or a forgotten `idle in transaction` session does.
struct LockHolder {
    std::unique_ptr<db::Connection> conn;
    std::string pid;
    explicit LockHolder(const test::PostgresTestDatabase& database) : conn(connect(database)) {
        support::Diagnostics diags;
        pid = *conn->query("SELECT pg_backend_pid()", {}, diags)->rows[0][0];
        REQUIRE(conn->execute("BEGIN; LOCK TABLE t IN ACCESS SHARE MODE", diags));
    }
    void release() {
        support::Diagnostics diags;
        conn->execute("COMMIT", diags);
    }
};

/// Run options that retry a cancelled statement `retries` times, `delay` seconds apart
/// at first.
migrate::RunOptions retrying(int retries, double delay) {
    migrate::RunOptions options;
    options.lock_retries = retries;
    options.lock_retry_delay_seconds = delay;
    return options;
}

}  // namespace

TEST_CASE(
    "postgres runner: a statement cancelled by lock_timeout is retried with back-off, naming "
    "the session it waited behind, and succeeds once the lock is free") {
    for (bool no_transaction : {false, true}) {
        CAPTURE(no_transaction);
        testing::TempDir dir;
        lock_chain(dir, no_transaction);
        test::PostgresTestDatabase database;
        auto conn = connect(database);
        support::Diagnostics diags;
        REQUIRE(migrate::upgrade(*conn, load(dir), "a1", {}, diags).ok);
        LockHolder holder(database);
        const auto options = retrying(6, 0.1);
        std::thread release([&] {
            std::this_thread::sleep_for(std::chrono::milliseconds(400));
            holder.release();
        });
        auto up = migrate::upgrade(*conn, load(dir), "head", options, diags);
        release.join();
        INFO(print(diags));
        REQUIRE(up.ok);
        CHECK(print(diags).find("revision b2 waited longer than lock_timeout (try 1 of 7); trying "
                                "again in 0.1 s; the sessions holding table locks:\n    pid " +
                                holder.pid + ", idle in transaction for ") != std::string::npos);
        CHECK(print(diags).find("holding locks on t: BEGIN; LOCK TABLE t IN ACCESS SHARE MODE") !=
              std::string::npos);
        CHECK(*migrate::current(*conn, "autogen_version", diags) == Ids{"b2"});
        CHECK_FALSE(diags.has_errors());
    }
}

TEST_CASE(
    "postgres runner: lock_timeout on every try fails the revision with the blocking session "
    "named") {
    testing::TempDir dir;
    lock_chain(dir, false);
    test::PostgresTestDatabase database;
    auto conn = connect(database);
    support::Diagnostics diags;
    REQUIRE(migrate::upgrade(*conn, load(dir), "a1", {}, diags).ok);
    LockHolder holder(database);
    auto options = retrying(2, 0.05);
    auto up = migrate::upgrade(*conn, load(dir), "head", options, diags);
    holder.release();
    INFO(print(diags));
    REQUIRE_FALSE(up.ok);
    REQUIRE(diags.error_count() == 1);
    const std::string text = print(diags);
    CHECK(text.find("canceling statement due to lock timeout") != std::string::npos);
    CHECK(text.find("it waited longer than lock_timeout behind the session(s) named above, 3 "
                    "time(s)") != std::string::npos);
    CHECK(text.find("try 2 of 3") != std::string::npos);
    CHECK(text.find("the sessions holding table locks when it gave up:\n    pid " + holder.pid) !=
          std::string::npos);
    CHECK(*migrate::current(*conn, "autogen_version", diags) == Ids{"a1"});
    // retries 0: the first cancellation is the failure
    diags.clear();
    LockHolder again(database);
    options.lock_retries = 0;
    REQUIRE_FALSE(migrate::upgrade(*conn, load(dir), "head", options, diags).ok);
    again.release();
    CHECK(print(diags).find("trying again") == std::string::npos);
}
