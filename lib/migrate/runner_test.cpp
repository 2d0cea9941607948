// The runner against real SQLite files: upgrade / downgrade, idempotence, a failing
// revision rolled back whole, and two migrators racing on one database.
#include "migrate/runner.hpp"

#include <doctest/doctest.h>

#include <thread>

#include "db/sqlite_connection.hpp"
#include "migrate/sum_file.hpp"
#include "migrate/version_table.hpp"
#include "tests/support/counting_connection.hpp"
#include "tests/support/migrate_test_fixtures.hpp"

using namespace autogen;
using migrate::RevisionGraph;
using Ids = std::vector<std::string>;

namespace {

const std::vector<std::string> kSqlite = {"sqlite"};

RevisionGraph load(const testing::TempDir& dir) {
    support::Diagnostics diags;
    auto g = RevisionGraph::load(dir.path() / "migrations", kSqlite, diags);
    REQUIRE(g);
    return std::move(*g);
}

std::unique_ptr<db::Connection> open(const testing::TempDir& dir) {
    support::Diagnostics diags;
    auto conn = db::open_sqlite((dir.path() / "app.sqlite3").string(), diags);
    REQUIRE(conn);
    return conn;
}

/// Everything the database holds that a revision can change: schema and version rows.
std::string snapshot(db::Connection& conn) {
    support::Diagnostics diags;
    std::string out;
    auto schema =
        conn.query("SELECT type, name, sql FROM sqlite_master ORDER BY type, name", {}, diags);
    REQUIRE(schema);
    for (const auto& row : schema->rows)
        out += row[0].value_or("") + " " + row[1].value_or("") + ": " + row[2].value_or("") + "\n";
    auto version = migrate::current(conn, "autogen_version", diags);
    REQUIRE(version);
    for (const auto& v : *version) out += "version " + v + "\n";
    return out;
}

Ids applied_ids(const migrate::RunResult& r) {
    Ids out;
    for (const auto& a : r.applied) out.push_back(a.id);
    return out;
}

std::string print(const support::Diagnostics& diags) {
    std::string out;
    for (const auto& d : diags.items()) out += support::format(d) + "\n";
    return out;
}

}  // namespace

TEST_CASE("runner: upgrade base -> head, downgrade -1, upgrade head twice") {
    testing::TempDir dir;
    migrate::fixtures::linear_chain(dir);
    auto graph = load(dir);
    auto conn = open(dir);
    support::Diagnostics diags;
    migrate::RunOptions options;

    CHECK(migrate::current(*conn, "autogen_version", diags)
              ->empty());  // no table yet: nothing applied

    auto up = migrate::upgrade(*conn, graph, "head", options, diags);
    INFO(print(diags));
    REQUIRE(up.ok);
    CHECK(applied_ids(up) == Ids{"a1a1a1a1a1a1", "b2b2b2b2b2b2", "c3c3c3c3c3c3"});
    CHECK(up.applied[1].message == "add user phone");
    CHECK(up.heads_before.empty());
    CHECK(up.heads_after == Ids{"c3c3c3c3c3c3"});
    CHECK(*migrate::current(*conn, "autogen_version", diags) == Ids{"c3c3c3c3c3c3"});
    CHECK(conn->execute("INSERT INTO \"users\" (\"email\", \"phone\") VALUES ('a@b', '1')", diags));

    // Nothing to do is answered by one read of the version table: no lock, no transaction.
    test::CountingConnection counting(*conn);
    auto again = migrate::upgrade(counting, graph, "head", options, diags);
    REQUIRE(again.ok);
    CHECK(again.already_there());
    CHECK(again.applied.empty());
    CHECK(again.target == Ids{"c3c3c3c3c3c3"});
    CHECK(again.heads_before == Ids{"c3c3c3c3c3c3"});
    CHECK(again.heads_after == Ids{"c3c3c3c3c3c3"});
    CHECK(counting.round_trips() == 1);
    CHECK(diags.items().empty());

    auto down = migrate::downgrade(*conn, graph, "-1", options, diags);
    REQUIRE(down.ok);
    CHECK(applied_ids(down) == Ids{"c3c3c3c3c3c3"});
    CHECK(down.applied[0].direction == migrate::Direction::Downgrade);
    CHECK(*migrate::current(*conn, "autogen_version", diags) == Ids{"b2b2b2b2b2b2"});
    CHECK(snapshot(*conn).find("ix_users_email") == std::string::npos);

    auto base = migrate::downgrade(*conn, graph, "base", options, diags);
    REQUIRE(base.ok);
    CHECK(applied_ids(base) == Ids{"b2b2b2b2b2b2", "a1a1a1a1a1a1"});
    CHECK(migrate::current(*conn, "autogen_version", diags)->empty());
    CHECK(snapshot(*conn).find("\"users\"") == std::string::npos);

    auto plus = migrate::upgrade(*conn, graph, "+2", options, diags);
    REQUIRE(plus.ok);
    CHECK(plus.heads_after == Ids{"b2b2b2b2b2b2"});
    CHECK_FALSE(diags.has_errors());
}

TEST_CASE("runner: a wrong target changes nothing and is a usage error") {
    testing::TempDir dir;
    migrate::fixtures::linear_chain(dir);
    auto graph = load(dir);
    auto conn = open(dir);
    support::Diagnostics diags;
    REQUIRE(migrate::upgrade(*conn, graph, "b2", {}, diags).ok);
    for (const char* target : {"a1", "zz", "+5"}) {
        support::Diagnostics d;
        auto r = migrate::upgrade(*conn, graph, target, {}, d);
        CHECK_FALSE(r.ok);
        REQUIRE(d.has_errors());
        CHECK(d.items().front().category == support::Category::Usage);
    }
    support::Diagnostics d;
    CHECK_FALSE(migrate::downgrade(*conn, graph, "c3", {}, d).ok);
    CHECK(*migrate::current(*conn, "autogen_version", diags) == Ids{"b2b2b2b2b2b2"});
}

TEST_CASE("runner: a failing second statement leaves the database as before that revision") {
    testing::TempDir dir;
    migrate::fixtures::linear_chain(dir);
    migrate::fixtures::add(
        dir, "004_d4",
        migrate::fixtures::revision_text("d4d4d4d4d4d4", "c3c3c3c3c3c3", "broken",
                                         "CREATE TABLE \"orders\" (\"id\" INTEGER PRIMARY KEY);\n\n"
                                         "INSERT INTO \"nope\" VALUES (1);",
                                         "DROP TABLE \"orders\";"));
    auto graph = load(dir);
    auto conn = open(dir);
    support::Diagnostics diags;
    REQUIRE(migrate::upgrade(*conn, graph, "c3", {}, diags).ok);
    std::string before = snapshot(*conn);

    support::Diagnostics failed;
    auto r = migrate::upgrade(*conn, graph, "head", {}, failed);
    CHECK_FALSE(r.ok);
    CHECK(r.applied.empty());
    REQUIRE(failed.has_errors());
    const auto& e = failed.items().front();
    CHECK(e.category == support::Category::Database);
    CHECK(e.location.file.find("004_d4.sql") != std::string::npos);
    CHECK(e.location.line == 10);  // the INSERT, second statement of the section
    CHECK(e.message.find("revision d4d4d4d4d4d4 (broken)") != std::string::npos);
    CHECK(e.message.find("INSERT INTO \"nope\"") != std::string::npos);
    CHECK(snapshot(*conn) == before);

    // Earlier revisions of the same run stay applied.
    REQUIRE(migrate::downgrade(*conn, graph, "a1", {}, diags).ok);
    support::Diagnostics again;
    auto partial = migrate::upgrade(*conn, graph, "head", {}, again);
    CHECK_FALSE(partial.ok);
    CHECK(applied_ids(partial) == Ids{"b2b2b2b2b2b2", "c3c3c3c3c3c3"});
    CHECK(*migrate::current(*conn, "autogen_version", diags) == Ids{"c3c3c3c3c3c3"});
}

TEST_CASE("runner: two migrators racing apply each revision exactly once") {
    testing::TempDir dir;
    // Each revision logs itself; a second application would also fail on CREATE TABLE.
    migrate::fixtures::add(
        dir, "000_log",
        migrate::fixtures::revision_text(
            "l0", "none", "log",
            "CREATE TABLE \"log\" (\"rev\" TEXT);\nINSERT INTO \"log\" VALUES ('l0');",
            "DROP TABLE \"log\";"));
    std::string down = "l0";
    for (int i = 1; i <= 8; ++i) {
        std::string id = "r" + std::to_string(i);
        migrate::fixtures::add(
            dir, "00" + std::to_string(i),
            migrate::fixtures::revision_text(
                id, down, "step " + id,
                "CREATE TABLE \"t" + id + "\" (\"a\" INTEGER);\nINSERT INTO \"log\" VALUES ('" +
                    id + "');",
                "DROP TABLE \"t" + id + "\";"));
        down = id;
    }
    auto graph = load(dir);
    migrate::RunResult results[2];
    support::Diagnostics diags[2];
    auto path = (dir.path() / "app.sqlite3").string();
    auto migrator = [&](int k) {
        auto conn = db::open_sqlite(path, diags[k]);
        if (conn) results[k] = migrate::upgrade(*conn, graph, "head", {}, diags[k]);
    };
    std::thread t0(migrator, 0), t1(migrator, 1);
    t0.join();
    t1.join();
    std::string both = print(diags[0]) + print(diags[1]);
    INFO(both);
    CHECK(results[0].ok);
    CHECK(results[1].ok);
    CHECK(results[0].applied.size() + results[1].applied.size() == 9);

    auto conn = open(dir);
    support::Diagnostics d;
    auto log =
        conn->query("SELECT rev, COUNT(*) FROM \"log\" GROUP BY rev HAVING COUNT(*) <> 1", {}, d);
    REQUIRE(log);
    CHECK(log->rows.empty());
    auto total = conn->query("SELECT COUNT(*) FROM \"log\"", {}, d);
    CHECK(*total->rows[0][0] == "9");
    CHECK(*migrate::current(*conn, "autogen_version", d) == Ids{"r8"});
}

TEST_CASE("runner: a missing section names the file and the dialect") {
    testing::TempDir dir;
    migrate::fixtures::add(
        dir, "1",
        "-- autogen revision\n-- revision: a1\n-- down_revision: none\n\n-- +downgrade sqlite\n");
    auto graph = load(dir);
    auto conn = open(dir);
    support::Diagnostics diags;
    auto r = migrate::upgrade(*conn, graph, "head", {}, diags);
    CHECK_FALSE(r.ok);
    REQUIRE(diags.has_errors());
    CHECK(diags.items().front().message.find("\"-- +upgrade sqlite\"") != std::string::npos);
    CHECK(diags.items().front().location.file.find("1.sql") != std::string::npos);
    CHECK(migrate::current(*conn, "autogen_version", diags)->empty());
}

TEST_CASE("runner: a no-transaction section runs outside a transaction and is flagged") {
    testing::TempDir dir;
    migrate::fixtures::add(
        dir, "1",
        migrate::fixtures::revision_text("a1", "none", "vacuum",
                                         "-- autogen: no-transaction\nCREATE TABLE t (a);\nVACUUM;",
                                         "DROP TABLE t;"));
    auto graph = load(dir);
    auto conn = open(dir);
    support::Diagnostics diags;
    auto r =
        migrate::upgrade(*conn, graph, "head", {}, diags);  // VACUUM fails inside a transaction
    INFO(print(diags));
    REQUIRE(r.ok);
    CHECK(r.applied.at(0).no_transaction);
    CHECK(*migrate::current(*conn, "autogen_version", diags) == Ids{"a1"});
}

TEST_CASE("version table: every change must hit exactly one row") {
    testing::TempDir dir;
    auto conn = open(dir);
    support::Diagnostics diags;
    migrate::VersionTable table("my_versions");
    REQUIRE(table.ensure(*conn, diags));
    REQUIRE(table.ensure(*conn, diags));  // idempotent
    CHECK(table.exists(*conn, diags) == true);
    CHECK(migrate::VersionTable("other").exists(*conn, diags) == false);
    REQUIRE(conn->begin(diags));
    REQUIRE(table.move(*conn, {}, {"a1"}, {"abc"}, diags));
    REQUIRE(table.move(*conn, {"a1"}, {"b2", "c3"}, {}, diags));
    REQUIRE(conn->commit(diags));
    CHECK(*table.heads(*conn, diags) == Ids{"b2", "c3"});
    CHECK(table.checksums(*conn, diags)->size() == 2);

    REQUIRE(conn->begin(diags));
    support::Diagnostics stale;
    CHECK_FALSE(table.move(*conn, {"a1"}, {"d4"}, {}, stale));  // a1 is not there any more
    CHECK(stale.items().front().message.find("changed 0 rows instead of 1") != std::string::npos);
    REQUIRE(conn->rollback(diags));
    CHECK(*table.heads(*conn, diags) == Ids{"b2", "c3"});
}

TEST_CASE("runner: stamp sets the version without running SQL") {
    testing::TempDir dir;
    migrate::fixtures::linear_chain(dir);
    auto graph = load(dir);
    auto conn = open(dir);
    support::Diagnostics diags;
    auto r = migrate::stamp(*conn, graph, "b2", {}, diags);
    REQUIRE(r.ok);
    CHECK(r.heads_before.empty());
    CHECK(r.heads_after == Ids{"b2b2b2b2b2b2"});
    CHECK(snapshot(*conn).find("\"users\"") == std::string::npos);  // nothing ran
    REQUIRE(migrate::stamp(*conn, graph, "head", {}, diags).ok);
    CHECK(*migrate::current(*conn, "autogen_version", diags) == Ids{"c3c3c3c3c3c3"});
    REQUIRE(migrate::stamp(*conn, graph, "base", {}, diags).ok);
    CHECK(migrate::current(*conn, "autogen_version", diags)->empty());
    support::Diagnostics bad;
    CHECK_FALSE(migrate::stamp(*conn, graph, "zz", {}, bad).ok);
    CHECK(bad.items().front().category == support::Category::Usage);
}

TEST_CASE("runner: branches and a merge move the version table like Alembic") {
    testing::TempDir dir;
    auto rev = [](const std::string& id, const std::string& down) {
        return migrate::fixtures::revision_text(id, down, "rev " + id,
                                                "CREATE TABLE \"t_" + id + "\" (a);",
                                                "DROP TABLE \"t_" + id + "\";");
    };
    migrate::fixtures::add(dir, "1", rev("root", "none"));
    migrate::fixtures::add(dir, "2", rev("left", "root"));
    migrate::fixtures::add(dir, "3", rev("right", "root"));
    auto graph = load(dir);
    auto conn = open(dir);
    support::Diagnostics diags;
    auto up = migrate::upgrade(*conn, graph, "heads", {}, diags);
    REQUIRE(up.ok);
    CHECK(up.heads_after == Ids{"left", "right"});
    CHECK_FALSE(migrate::upgrade(*conn, graph, "head", {}, diags).ok);  // several heads: say which

    migrate::fixtures::add(dir, "4", rev("merge", "left, right"));
    auto merged = load(dir);
    support::Diagnostics d;
    auto m = migrate::upgrade(*conn, merged, "head", {}, d);
    REQUIRE(m.ok);
    CHECK(m.heads_after == Ids{"merge"});
    auto down = migrate::downgrade(*conn, merged, "right", {}, d);
    REQUIRE(down.ok);
    CHECK(applied_ids(down) == Ids{"merge", "left"});
    CHECK(down.heads_after == Ids{"right"});
    auto base = migrate::downgrade(*conn, merged, "base", {}, d);
    REQUIRE(base.ok);
    CHECK(base.heads_after.empty());
    CHECK_FALSE(d.has_errors());
}

TEST_CASE("runner: a migrator that waited for the lock skips what the first one applied") {
    testing::TempDir dir;
    migrate::fixtures::linear_chain(dir);
    auto graph = load(dir);
    auto first = open(dir);
    support::Diagnostics diags;
    migrate::VersionTable table;
    REQUIRE(table.ensure(*first, diags));

    // The first migrator is in the middle of revision a1: lock held, SQL run, version moved.
    REQUIRE(first->begin(diags));
    const auto* a1 = graph.find("a1a1a1a1a1a1");
    REQUIRE(first->execute(a1->upgrade.at("sqlite").sql, diags));
    REQUIRE(table.move(*first, {}, {a1->id}, {a1->checksum}, diags));

    migrate::RunResult second;
    support::Diagnostics second_diags;
    std::thread t([&] {
        auto conn = db::open_sqlite((dir.path() / "app.sqlite3").string(), second_diags);
        if (conn) second = migrate::upgrade(*conn, graph, "head", {}, second_diags);
    });
    std::this_thread::sleep_for(
        std::chrono::milliseconds(300));  // the second one now waits on BEGIN IMMEDIATE
    REQUIRE(first->commit(diags));
    t.join();
    INFO(print(second_diags));
    REQUIRE(second.ok);
    CHECK(applied_ids(second) == Ids{"b2b2b2b2b2b2", "c3c3c3c3c3c3"});
    CHECK(*migrate::current(*first, "autogen_version", diags) == Ids{"c3c3c3c3c3c3"});
}

TEST_CASE("runner: a database at a revision no file has is refused") {
    testing::TempDir dir;
    migrate::fixtures::linear_chain(dir);
    auto graph = load(dir);
    auto conn = open(dir);
    support::Diagnostics diags;
    REQUIRE(migrate::stamp(*conn, graph, "a1", {}, diags).ok);
    REQUIRE(conn->execute("UPDATE autogen_version SET version_num = 'gone00000000'", diags));
    auto r = migrate::upgrade(*conn, graph, "head", {}, diags);
    CHECK_FALSE(r.ok);
    REQUIRE(diags.has_errors());
    CHECK(diags.items().back().category == support::Category::MigrationFile);
    CHECK(diags.items().back().message.find("gone00000000") != std::string::npos);
}

TEST_CASE("runner: a failing no-transaction section says what stays applied") {
    testing::TempDir dir;
    migrate::fixtures::add(
        dir, "1",
        migrate::fixtures::revision_text(
            "a1", "none", "half",
            "-- autogen: no-transaction\nCREATE TABLE t (a);\nINSERT INTO nope VALUES (1);",
            "DROP TABLE t;"));
    auto graph = load(dir);
    auto conn = open(dir);
    support::Diagnostics diags;
    auto r = migrate::upgrade(*conn, graph, "head", {}, diags);
    CHECK_FALSE(r.ok);
    REQUIRE(diags.has_errors());
    const auto& e = diags.items().back();
    CHECK(e.category == support::Category::Database);
    CHECK(e.location.line == 10);
    CHECK(e.hint.find("outside a transaction") != std::string::npos);
    CHECK(migrate::current(*conn, "autogen_version", diags)->empty());
    CHECK(snapshot(*conn).find("table t:") != std::string::npos);  // the statement before it stays
}

TEST_CASE("runner: upgrade refuses to build on an applied revision edited since") {
    testing::TempDir dir;
    migrate::fixtures::linear_chain(dir);
    auto conn = open(dir);
    support::Diagnostics diags;
    REQUIRE(migrate::upgrade(*conn, load(dir), "a1", {}, diags).ok);

    // Edit the applied revision a1 (a comment is enough to change its bytes).
    auto path = dir.path() / "migrations" / "001_a1.sql";
    dir.write("migrations/001_a1.sql", testing::read_file(path) + "-- edited\n");
    auto graph = load(dir);
    support::Diagnostics refused;
    auto r = migrate::upgrade(*conn, graph, "head", {}, refused);
    CHECK_FALSE(r.ok);
    REQUIRE(refused.has_errors());
    CHECK(refused.items().back().message.find("revision a1a1a1a1a1a1 was edited") !=
          std::string::npos);
    CHECK(refused.items().back().location.file.find("001_a1.sql") != std::string::npos);
    CHECK(*migrate::current(*conn, "autogen_version", diags) == Ids{"a1a1a1a1a1a1"});

    migrate::RunOptions allow;
    allow.allow_edited = true;
    auto ok = migrate::upgrade(*conn, graph, "head", allow, diags);
    REQUIRE(ok.ok);
    CHECK(ok.applied.size() == 2);
    // At head, with nothing pending, the edit is still news: refused.
    support::Diagnostics at_head;
    CHECK_FALSE(migrate::upgrade(*conn, graph, "head", {}, at_head).ok);
    CHECK(print(at_head).find("revision a1a1a1a1a1a1 was edited") != std::string::npos);
}

TEST_CASE(
    "runner: downgrade refuses to run the downgrade section of an applied revision edited since") {
    testing::TempDir dir;
    migrate::fixtures::linear_chain(dir);
    auto conn = open(dir);
    support::Diagnostics diags;
    REQUIRE(migrate::upgrade(*conn, load(dir), "head", {}, diags).ok);
    const std::string before = snapshot(*conn);
    auto path = dir.path() / "migrations" / "003_c3.sql";
    dir.write("migrations/003_c3.sql", testing::read_file(path) + "DROP TABLE \"users\";\n");
    support::Diagnostics refused;
    CHECK_FALSE(migrate::downgrade(*conn, load(dir), "-1", {}, refused).ok);
    CHECK(print(refused).find("revision c3c3c3c3c3c3 was edited after it was applied") !=
          std::string::npos);
    CHECK(print(refused).find("--allow-edited to downgrade") != std::string::npos);
    CHECK(snapshot(*conn) == before);
    migrate::RunOptions allow;
    allow.allow_edited = true;
    CHECK(migrate::downgrade(*conn, load(dir), "-1", allow, diags).ok);
}

TEST_CASE("runner: pending revisions are checked against autogen.sum before anything runs") {
    testing::TempDir dir;
    migrate::fixtures::linear_chain(dir);
    auto conn = open(dir);
    migrate::RunOptions options;
    options.sums = migrate::RecordedSums{};
    options.sums->read.state = migrate::SumRead::State::Ok;
    options.sums->read.sum.files = migrate::revision_file_checksums(dir.path() / "migrations");

    // b2 cut short after the sum was written: refused, naming the file; nothing ran.
    auto path = dir.path() / "migrations" / "002_b2.sql";
    const std::string whole = testing::read_file(path);
    dir.write("migrations/002_b2.sql", whole.substr(0, whole.find("ALTER TABLE \"users\" DROP")));
    support::Diagnostics refused;
    CHECK_FALSE(migrate::upgrade(*conn, load(dir), "head", options, refused).ok);
    REQUIRE(refused.items().size() == 1);
    CHECK(refused.items()[0].message.find("revision b2b2b2b2b2b2 differs from its checksum in "
                                          "migrations/autogen.sum") != std::string::npos);
    CHECK(refused.items()[0].location.file.find("002_b2.sql") != std::string::npos);
    CHECK(refused.items()[0].hint.find("autogen hash") != std::string::npos);
    CHECK(migrate::current(*conn, "autogen_version", refused)->empty());

    // A revision the sum does not list is refused as well; stamp checks what it marks applied.
    dir.write("migrations/002_b2.sql", whole);
    options.sums->read.sum.files.erase("003_c3.sql");
    support::Diagnostics unlisted;
    CHECK_FALSE(migrate::upgrade(*conn, load(dir), "head", options, unlisted).ok);
    CHECK(print(unlisted).find("revision c3c3c3c3c3c3 is not listed in migrations/autogen.sum") !=
          std::string::npos);
    support::Diagnostics stamped;
    CHECK_FALSE(migrate::stamp(*conn, load(dir), "head", options, stamped).ok);
    CHECK(print(stamped).find("revision c3c3c3c3c3c3 is not listed") != std::string::npos);

    // Without autogen.sum (an older project) it is a warning, and the run goes through.
    options.sums->read.state = migrate::SumRead::State::Missing;
    support::Diagnostics missing;
    REQUIRE(migrate::upgrade(*conn, load(dir), "head", options, missing).ok);
    CHECK_FALSE(missing.has_errors());
    CHECK(print(missing).find("migrations/autogen.sum is missing") != std::string::npos);
}

TEST_CASE("runner: a SQLite file locked by another process is waited for, said, then given up") {
    testing::TempDir dir;
    migrate::fixtures::linear_chain(dir);
    auto holder = open(dir);
    auto conn = open(dir);
    support::Diagnostics diags;
    REQUIRE(holder->execute("BEGIN IMMEDIATE", diags));
    migrate::RunOptions options;
    options.lock_wait.timeout_seconds = 0.3;
    options.lock_wait.quiet_seconds = 0.05;
    std::string told;
    options.lock_wait.on_wait = [&](const std::string& line) { told += line + "\n"; };
    support::Diagnostics refused;
    CHECK_FALSE(migrate::upgrade(*conn, load(dir), "head", options, refused).ok);
    CHECK(told.find("another process holds its write lock") != std::string::npos);
    CHECK(told.find("giving up after 0.3 s") != std::string::npos);
    REQUIRE(refused.items().size() == 1);
    CHECK(refused.items()[0].category == support::Category::Database);
    CHECK(refused.items()[0].message.find("gave up waiting for the SQLite database file") !=
          std::string::npos);
    CHECK(refused.items()[0].hint.find("--lock-timeout") != std::string::npos);

    REQUIRE(holder->rollback(diags));
    CHECK(migrate::upgrade(*conn, load(dir), "head", options, diags).ok);
}

TEST_CASE("runner: an edit to an older applied revision is caught, not only to the head") {
    testing::TempDir dir;
    migrate::fixtures::linear_chain(dir);
    auto conn = open(dir);
    support::Diagnostics diags;
    REQUIRE(migrate::upgrade(*conn, load(dir), "b2", {}, diags).ok);
    migrate::VersionTable table;
    auto logged = table.checksums(*conn, diags);
    REQUIRE(logged);
    CHECK(logged->size() == 2);  // a1 and b2, though only b2 is a head

    // a1 is below the head b2: its edit must still refuse the next upgrade.
    auto path = dir.path() / "migrations" / "001_a1.sql";
    dir.write("migrations/001_a1.sql", testing::read_file(path) + "-- edited\n");
    support::Diagnostics refused;
    CHECK_FALSE(migrate::upgrade(*conn, load(dir), "head", {}, refused).ok);
    REQUIRE(refused.has_errors());
    CHECK(refused.items().back().message.find("revision a1a1a1a1a1a1 was edited") !=
          std::string::npos);

    // Undoing a revision forgets its log row; stamping records what is now below the target.
    dir.write("migrations/001_a1.sql",
              testing::read_file(path).substr(0, testing::read_file(path).size() - 10));
    REQUIRE(migrate::downgrade(*conn, load(dir), "-1", {}, diags).ok);
    CHECK(table.checksums(*conn, diags)->size() == 1);
    REQUIRE(migrate::stamp(*conn, load(dir), "head", {}, diags).ok);
    CHECK(table.checksums(*conn, diags)->size() == 3);
    REQUIRE(migrate::stamp(*conn, load(dir), "base", {}, diags).ok);
    CHECK(table.checksums(*conn, diags)->empty());
}
