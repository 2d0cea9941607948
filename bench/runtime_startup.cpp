// The migration runtime's cost at an application's start-up when nothing is pending
// (issue 17: under 5 ms on SQLite, one round trip's worth on PostgreSQL): upgrade to
// head and check_applied on a database already at the head of a 20-revision chain,
// from a folder on disk and from embedded files. PostgreSQL rows run when
// AUTOGEN_BENCH_PG_URL names a database the benchmark may create tables in (it drops
// them after); beside them, what a bare libpq session costs (connect alone, connect and
// one query), the yardsticks for "one round trip". Google Benchmark; figures in
// docs/embedding.md.
#include <benchmark/benchmark.h>
#include <libpq-fe.h>
#include <unistd.h>

#include <autogen/migrate.hpp>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <string>

namespace {

namespace am = autogen::migrate;
namespace fs = std::filesystem;

constexpr int kRevisions = 20;

/// A chain of kRevisions revisions, each creating one table (SQL for both dialects).
std::map<std::string, std::string> chain_files() {
    std::map<std::string, std::string> files;
    std::string down = "none";
    for (int i = 1; i <= kRevisions; ++i) {
        char id[13];
        std::snprintf(id, sizeof id, "%012d", i);
        const std::string table = "bench_t" + std::to_string(i);
        std::string text = "-- autogen revision\n-- revision: " + std::string(id) +
                           "\n-- down_revision: " + down + "\n-- message: table " +
                           std::to_string(i) + "\n-- created: 2026-12-05T16:00:00Z\n";
        for (const char* dialect : {"sqlite", "postgresql"}) {
            text += std::string("\n-- +upgrade ") + dialect + "\nCREATE TABLE " + table +
                    " (id INTEGER PRIMARY KEY, name TEXT NOT NULL);\n\n-- +downgrade " + dialect +
                    "\nDROP TABLE " + table + ";\n";
        }
        char name[32];
        std::snprintf(name, sizeof name, "%03d_%s.sql", i, id);
        files[name] = text;
        down = id;
    }
    return files;
}

struct Fixture {
    fs::path dir;
    std::map<std::string, std::string> files = chain_files();
    am::Source on_disk;
    am::Source embedded;

    Fixture() {
        dir = fs::temp_directory_path() / ("autogen-runtime-bench-" + std::to_string(::getpid()));
        fs::create_directories(dir / "migrations");
        for (const auto& [name, text] : files) std::ofstream(dir / "migrations" / name) << text;
        on_disk = am::folder(dir / "migrations");
        embedded = am::Source{"migrations", true, {}};
        for (const auto& [name, text] : files) embedded.files.push_back({name, text});
    }
    ~Fixture() {
        std::error_code ec;
        fs::remove_all(dir, ec);
    }
};

Fixture& fixture() {
    static Fixture f;
    return f;
}

/// Brings `url` to the head once (outside the timing); aborts the run when it cannot.
void at_head(const std::string& url) {
    auto r = am::upgrade(url, fixture().on_disk, "head");
    if (!r) {
        std::cerr << r.error().message;
        std::exit(1);
    }
}

void run_upgrade(benchmark::State& state, const std::string& url, const am::Source& source) {
    at_head(url);
    for (auto _ : state) {
        auto r = am::upgrade(url, source, "head");
        if (!r || !r->steps.empty()) state.SkipWithError("upgrade did something or failed");
        benchmark::DoNotOptimize(r);
    }
}

void run_check(benchmark::State& state, const std::string& url, const am::Source& source) {
    at_head(url);
    for (auto _ : state) {
        auto r = am::check_applied(url, source);
        if (!r) state.SkipWithError("check_applied failed");
        benchmark::DoNotOptimize(r);
    }
}

std::string sqlite_url() { return "sqlite:///" + (fixture().dir / "app.sqlite3").string(); }

void BM_SqliteUpgradeNothingPending_Folder(benchmark::State& state) {
    run_upgrade(state, sqlite_url(), fixture().on_disk);
}
void BM_SqliteUpgradeNothingPending_Embedded(benchmark::State& state) {
    run_upgrade(state, sqlite_url(), fixture().embedded);
}
void BM_SqliteCheckApplied_Embedded(benchmark::State& state) {
    run_check(state, sqlite_url(), fixture().embedded);
}
BENCHMARK(BM_SqliteUpgradeNothingPending_Folder)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_SqliteUpgradeNothingPending_Embedded)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_SqliteCheckApplied_Embedded)->Unit(benchmark::kMillisecond);

const char* postgres_url(benchmark::State& state) {
    const char* url = std::getenv("AUTOGEN_BENCH_PG_URL");
    if (!url) state.SkipWithError("AUTOGEN_BENCH_PG_URL is not set");
    return url;
}

void BM_PostgresUpgradeNothingPending_Embedded(benchmark::State& state) {
    if (const char* url = postgres_url(state)) run_upgrade(state, url, fixture().embedded);
}
BENCHMARK(BM_PostgresUpgradeNothingPending_Embedded)->Unit(benchmark::kMillisecond);

void BM_PostgresCheckApplied_Embedded(benchmark::State& state) {
    if (const char* url = postgres_url(state)) run_check(state, url, fixture().embedded);
}
BENCHMARK(BM_PostgresCheckApplied_Embedded)->Unit(benchmark::kMillisecond);

/// The yardsticks: a libpq session that connects and leaves, and one that sends one
/// query (`queries` = 1) in between. autogen's URL is libpq's (postgresql://...).
void bare_session(benchmark::State& state, int queries) {
    const char* url = postgres_url(state);
    if (!url) return;
    for (auto _ : state) {
        PGconn* conn = PQconnectdb(url);
        if (PQstatus(conn) != CONNECTION_OK) state.SkipWithError(PQerrorMessage(conn));
        for (int i = 0; i < queries; ++i) PQclear(PQexec(conn, "SELECT 1"));
        PQfinish(conn);
    }
}
void BM_PostgresBareConnect(benchmark::State& state) { bare_session(state, 0); }
void BM_PostgresBareConnectOneQuery(benchmark::State& state) { bare_session(state, 1); }
BENCHMARK(BM_PostgresBareConnect)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_PostgresBareConnectOneQuery)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
