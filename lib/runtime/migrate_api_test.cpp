// The runtime's API (<autogen/migrate.hpp>) on real SQLite and PostgreSQL databases,
// checked against the built `autogen` binary both ways: what the library applied the CLI
// reads, and the reverse (one version table, one log, one set of rules).
#include <doctest/doctest.h>

#include <autogen/migrate.hpp>
#include <cstdio>
#include <fstream>
#include <latch>
#include <map>
#include <string>
#include <thread>

#include "tests/support/postgres_test_server.hpp"
#include "tests/support/temp_dir.hpp"

namespace {

namespace am = autogen::migrate;
namespace fs = std::filesystem;
using autogen::testing::TempDir;

/// A revision file with SQL for both dialects (the same SQL: portable statements).
std::string revision(const std::string& id, const std::string& down, const std::string& message,
                     const std::string& up, const std::string& back) {
    std::string text = "-- autogen revision\n-- revision: " + id + "\n-- down_revision: " + down +
                       "\n-- message: " + message + "\n-- created: 2026-11-21T15:30:00Z\n";
    for (const char* dialect : {"sqlite", "postgresql"}) {
        text += std::string("\n-- +upgrade ") + dialect + "\n" + up + "\n\n-- +downgrade " +
                dialect + "\n" + back + "\n";
    }
    return text;
}

/// migrations/ with a1 -> b2 -> c3.
void write_chain(const TempDir& dir) {
    dir.write("migrations/001_a1.sql",
              revision("a1a1a1a1a1a1", "none", "create users",
                       "CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT NOT NULL);",
                       "DROP TABLE users;"));
    dir.write("migrations/002_b2.sql", revision("b2b2b2b2b2b2", "a1a1a1a1a1a1", "add phone",
                                                "ALTER TABLE users ADD COLUMN phone VARCHAR(20);",
                                                "ALTER TABLE users DROP COLUMN phone;"));
    dir.write("migrations/003_c3.sql", revision("c3c3c3c3c3c3", "b2b2b2b2b2b2", "index email",
                                                "CREATE INDEX ix_users_email ON users (email);",
                                                "DROP INDEX ix_users_email;"));
}

struct Cli {
    int exit_code = -1;
    std::string output;  ///< stdout and stderr
};

/// Runs the built CLI in `dir` on `url` with --migrations (no autogen.toml there).
Cli cli(const TempDir& dir, const std::string& url, const std::string& args) {
    const std::string command = "cd '" + dir.path().string() +
                                "' && '" AUTOGEN_BINARY "' --migrations migrations --url '" + url +
                                "' " + args + " 2>&1";
    Cli result;
    FILE* pipe = popen(command.c_str(), "r");
    REQUIRE(pipe);
    char buffer[4096];
    while (std::size_t n = std::fread(buffer, 1, sizeof buffer, pipe))
        result.output.append(buffer, n);
    int status = pclose(pipe);
    result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return result;
}

std::string ids(const std::vector<std::string>& v) {
    std::string out;
    for (const auto& id : v) out += (out.empty() ? "" : " ") + id;
    return out;
}

/// The library and the CLI take turns on one database.
void agree_both_ways(const std::string& url) {
    TempDir dir;
    write_chain(dir);
    const auto source = am::folder(dir.path() / "migrations");

    auto heads = am::heads(source);
    REQUIRE(heads);
    REQUIRE(heads->size() == 1);
    CHECK(heads->front().id == "c3c3c3c3c3c3");
    auto history = am::history(source);
    REQUIRE(history);
    REQUIRE(history->size() == 3);
    CHECK(history->front().id == "c3c3c3c3c3c3");
    CHECK(history->back().parents.empty());

    // the library applies one revision; the CLI sees it
    auto first = am::upgrade(url, source, "+1");
    REQUIRE_MESSAGE(first, first.error().message);
    REQUIRE(first->steps.size() == 1);
    CHECK(first->steps[0].id == "a1a1a1a1a1a1");
    CHECK(first->before.empty());
    CHECK(ids(first->after) == "a1a1a1a1a1a1");
    auto seen = cli(dir, url, "current");
    CHECK(seen.exit_code == 0);
    CHECK(seen.output.find("a1a1a1a1a1a1") != std::string::npos);

    auto pending = am::check_applied(url, source);
    REQUIRE_FALSE(pending);
    CHECK(pending.error().kind == am::ErrorKind::Pending);
    CHECK(pending.error().revision == "b2b2b2b2b2b2");
    CHECK(pending.error().what.find("2 revisions") != std::string::npos);

    // the CLI applies the rest; the library sees it and has nothing to do
    auto rest = cli(dir, url, "upgrade head");
    CHECK_MESSAGE(rest.exit_code == 0, rest.output);
    CHECK(rest.output.find("applied c3c3c3c3c3c3") != std::string::npos);
    auto now = am::current(url);
    REQUIRE_MESSAGE(now, now.error().message);
    CHECK(ids(*now) == "c3c3c3c3c3c3");
    auto clean = am::check_applied(url, source);
    CHECK_MESSAGE(clean, clean.error().message);
    auto again = am::upgrade(url, source);
    REQUIRE(again);
    CHECK(again->nothing_to_do());

    // downgrade and stamp by the library, read by the CLI, and the reverse
    auto down = am::downgrade(url, source, "-1");
    REQUIRE_MESSAGE(down, down.error().message);
    REQUIRE(down->steps.size() == 1);
    CHECK(down->steps[0].id == "c3c3c3c3c3c3");
    CHECK(cli(dir, url, "current").output.find("b2b2b2b2b2b2") != std::string::npos);
    CHECK(cli(dir, url, "upgrade head").exit_code == 0);
    auto stamped = am::stamp(url, source, "b2b2b2b2b2b2");  // the index stays
    REQUIRE_MESSAGE(stamped, stamped.error().message);
    CHECK(stamped->steps.empty());
    CHECK(ids(stamped->before) == "c3c3c3c3c3c3");
    CHECK(cli(dir, url, "current").output.find("b2b2b2b2b2b2") != std::string::npos);
    REQUIRE(am::stamp(url, source, "head").ok());
    CHECK(cli(dir, url, "current").output.find("c3c3c3c3c3c3") != std::string::npos);
    auto cli_down = cli(dir, url, "downgrade -1");
    CHECK_MESSAGE(cli_down.exit_code == 0, cli_down.output);
    CHECK(ids(*am::current(url)) == "b2b2b2b2b2b2");
    CHECK(am::upgrade(url, source).ok());

    // an applied revision edited since it ran: refused by both, named
    std::ofstream(dir.path() / "migrations/002_b2.sql", std::ios::app) << "-- edited later\n";
    auto edited = am::check_applied(url, source);
    REQUIRE_FALSE(edited);
    CHECK(edited.error().kind == am::ErrorKind::MigrationFile);
    CHECK(edited.error().revision == "b2b2b2b2b2b2");
    CHECK(edited.error().message.find("allow-edited") != std::string::npos);
    auto refused = am::downgrade(url, source, "base");
    REQUIRE_FALSE(refused);
    CHECK(refused.error().kind == am::ErrorKind::MigrationFile);
    CHECK(cli(dir, url, "downgrade base").exit_code == 2);
    CHECK(ids(*am::current(url)) == "c3c3c3c3c3c3");
    am::Options allow;
    allow.allow_edited = true;
    auto forced = am::downgrade(url, source, "base", allow);
    CHECK_MESSAGE(forced, forced.error().message);
    CHECK(am::current(url)->empty());
}

/// Two application instances start at once on one database: each revision runs once
/// (the runner's migration lock; the second waits, then finds nothing to do).
void two_instances(const std::string& url) {
    TempDir dir;
    write_chain(dir);
    const auto source = am::folder(dir.path() / "migrations");
    std::latch start(2);
    std::vector<am::Result<am::Report>> results(2, am::Error{});
    std::vector<std::thread> instances;
    for (std::size_t i = 0; i < 2; ++i) {
        instances.emplace_back([&, i] {
            start.arrive_and_wait();
            results[i] = am::upgrade(url, source);
        });
    }
    for (auto& t : instances) t.join();
    std::map<std::string, int> runs;
    for (const auto& result : results) {
        REQUIRE_MESSAGE(result, result.error().message);
        for (const auto& step : result->steps) ++runs[step.id];
    }
    CHECK(runs == std::map<std::string, int>{
                      {"a1a1a1a1a1a1", 1}, {"b2b2b2b2b2b2", 1}, {"c3c3c3c3c3c3", 1}});
    CHECK(ids(*am::current(url)) == "c3c3c3c3c3c3");
}

}  // namespace

TEST_CASE("migrate api: two instances starting together apply each revision once") {
    SUBCASE("SQLite") {
        TempDir db;
        two_instances("sqlite:///" + (db.path() / "app.sqlite3").string());
    }
    SUBCASE("PostgreSQL") {
        autogen::test::PostgresTestDatabase db;
        two_instances(db.url());
    }
}

TEST_CASE("migrate api: the library and the CLI agree on SQLite, both ways") {
    TempDir db;
    agree_both_ways("sqlite:///" + (db.path() / "app.sqlite3").string());
}

TEST_CASE("migrate api: the library and the CLI agree on PostgreSQL, both ways") {
    autogen::test::PostgresTestDatabase db;
    agree_both_ways(db.url());
}

TEST_CASE("migrate api: bad input comes back as an error value") {
    TempDir dir;
    write_chain(dir);
    const std::string url = "sqlite:///" + (dir.path() / "app.sqlite3").string();
    const auto source = am::folder(dir.path() / "migrations");

    SUBCASE("a missing migrations folder") {
        auto result = am::upgrade(url, am::folder(dir.path() / "nowhere"));
        REQUIRE_FALSE(result);
        CHECK(result.error().kind == am::ErrorKind::Config);
        CHECK(result.error().location.find("nowhere") != std::string::npos);
        CHECK_FALSE(result.error().hint.empty());
        CHECK_FALSE(fs::exists(dir.path() / "app.sqlite3"));  // nothing opened or created
    }
    SUBCASE("an unsupported URL, its password never shown") {
        auto result = am::upgrade("mysql://me:s3cr3tpw@host/db", source);
        REQUIRE_FALSE(result);
        CHECK(result.error().kind == am::ErrorKind::Config);
        CHECK(result.error().message.find("s3cr3tpw") == std::string::npos);
        CHECK(result.error().hint.find("sqlite://") != std::string::npos);
    }
    SUBCASE("a target that names no revision") {
        auto result = am::upgrade(url, source, "zzzz");
        REQUIRE_FALSE(result);
        CHECK(result.error().kind == am::ErrorKind::Usage);
    }
    SUBCASE("a failing revision: named, rolled back, those before it stay") {
        dir.write(
            "migrations/004_d4.sql",
            revision("d4d4d4d4d4d4", "c3c3c3c3c3c3", "broken",
                     "CREATE TABLE t (x INTEGER);\nSELECT nope FROM nowhere;", "DROP TABLE t;"));
        auto result = am::upgrade(url, source);
        REQUIRE_FALSE(result);
        CHECK(result.error().kind == am::ErrorKind::Database);
        CHECK(result.error().revision == "d4d4d4d4d4d4");
        CHECK(result.error().location.find("004_d4.sql") != std::string::npos);
        CHECK(ids(*am::current(url)) == "c3c3c3c3c3c3");
    }
    SUBCASE("a database at a revision this release does not have (a newer one ran)") {
        dir.write("newer/001_a1.sql",
                  autogen::testing::read_file(dir.path() / "migrations/001_a1.sql"));
        dir.write("newer/009_z9.sql",
                  revision("z9z9z9z9z9z9", "a1a1a1a1a1a1", "from the future",
                           "CREATE TABLE later (x INTEGER);", "DROP TABLE later;"));
        REQUIRE(am::upgrade(url, am::folder(dir.path() / "newer")).ok());
        auto checked = am::check_applied(url, source);
        REQUIRE_FALSE(checked);
        CHECK(checked.error().revision == "z9z9z9z9z9z9");
        auto result = am::upgrade(url, source);
        REQUIRE_FALSE(result);
        CHECK(result.error().message.find("z9z9z9z9z9z9") != std::string::npos);
        CHECK(ids(*am::current(url)) == "z9z9z9z9z9z9");
    }
}

TEST_CASE("migrate api: the logger hears each revision and the autogen.sum warning") {
    TempDir dir;
    write_chain(dir);
    const std::string url = "sqlite:///" + (dir.path() / "app.sqlite3").string();
    std::vector<std::string> lines;
    am::Options options;
    options.logger = [&lines](am::LogLevel, const std::string& line) { lines.push_back(line); };
    auto result = am::upgrade(url, am::folder(dir.path() / "migrations"), "head", options);
    REQUIRE_MESSAGE(result, result.error().message);
    auto said = [&lines](const std::string& text) {
        for (const auto& line : lines)
            if (line.find(text) != std::string::npos) return true;
        return false;
    };
    CHECK(said("applied a1a1a1a1a1a1 create users"));
    CHECK(said("applied c3c3c3c3c3c3 index email"));
    CHECK(said("autogen.sum"));  // the warning that nothing could be verified against it
}

TEST_CASE("migrate api: an embedded source is the folder's files, read from memory") {
    TempDir dir;
    write_chain(dir);
    // What autogen_embed_migrations compiles in: the folder's files, byte for byte (the
    // strings outlive the source, as the generated arrays do).
    std::map<std::string, std::string> texts;
    for (const auto& entry : fs::directory_iterator(dir.path() / "migrations"))
        texts[entry.path().filename().string()] = autogen::testing::read_file(entry.path());
    texts["README"] = "not a revision";  // only *.sql files and autogen.sum count
    am::Source embedded{"migrations", true, {}};
    auto embed = [&] {  // the files as they are in `texts` now
        embedded.files.clear();
        for (const auto& [name, text] : texts) embedded.files.push_back({name, text});
    };
    embed();
    const std::string url = "sqlite:///" + (dir.path() / "app.sqlite3").string();

    auto history = am::history(embedded);
    REQUIRE(history);
    REQUIRE(history->size() == 3);
    CHECK(history->front().id == "c3c3c3c3c3c3");
    CHECK(history->front().file == fs::path("migrations/003_c3.sql"));
    auto up = am::upgrade(url, embedded, "b2b2b2b2b2b2");
    INFO((up ? std::string() : up.error().message));
    REQUIRE(up);
    CHECK(up->steps.size() == 2);
    // The folder on disk and the CLI read the same database the same way.
    auto from_disk = am::upgrade(url, am::folder(dir.path() / "migrations"), "head");
    REQUIRE(from_disk);
    REQUIRE(from_disk->steps.size() == 1);
    CHECK(from_disk->steps[0].id == "c3c3c3c3c3c3");
    CHECK(cli(dir, url, "current").output.find("c3c3c3c3c3c3 (head)") != std::string::npos);
    CHECK(am::check_applied(url, embedded));

    // An embedded revision that differs from what ran is refused, naming its file.
    texts["002_b2.sql"] += "-- edited later\n";
    embed();
    auto edited = am::check_applied(url, embedded);
    REQUIRE_FALSE(edited);
    CHECK(edited.error().kind == am::ErrorKind::MigrationFile);
    CHECK(edited.error().message.find("migrations/002_b2.sql") != std::string::npos);
    // A bad embedded file: every problem named with its file, nothing applied.
    texts["004_bad.sql"] = "-- autogen revision\n-- revision: d4\n";
    embed();
    auto bad = am::upgrade(url, embedded, "head");
    REQUIRE_FALSE(bad);
    CHECK(bad.error().message.find("migrations/004_bad.sql") != std::string::npos);
}
