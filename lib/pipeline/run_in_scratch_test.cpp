// run_statement_groups(): groups of statements run in a real scratch database (the
// PostgreSQL test server over several sessions, in-memory SQLite on one), the database
// inspected afterwards; a failing statement is reported as one session would report it.
#include "pipeline/run_in_scratch.hpp"

#include <doctest/doctest.h>

#include <regex>
#include <thread>

#include "tests/support/pipeline_project.hpp"

using namespace autogen;
using test::PipelineProject;

namespace {

using Groups = std::vector<std::vector<codegen::Statement>>;

/// groups[0] creates table base; groups 1..count each create t<i> (referencing base)
/// and its index; the groups listed in `failing` also create an index on a missing table.
Groups table_groups(std::size_t count, std::vector<std::size_t> failing = {}) {
    Groups groups{{{.sql = "CREATE TABLE base (id INTEGER PRIMARY KEY)"}}};
    for (std::size_t i = 1; i <= count; ++i) {
        const std::string t = "t" + std::to_string(i);
        std::vector<codegen::Statement> g;
        g.push_back({.sql = "CREATE TABLE " + t +
                            " (id INTEGER PRIMARY KEY, base_id INTEGER REFERENCES base (id))"});
        if (std::find(failing.begin(), failing.end(), i) != failing.end())
            g.push_back({.sql = "CREATE INDEX ix_bad_" + t + " ON no_such_table_" + t + " (x)"});
        g.push_back({.sql = "CREATE INDEX ix_" + t + " ON " + t + " (base_id)"});
        groups.push_back(std::move(g));
    }
    return groups;
}

/// Every diagnostic, one per line, with the scratch database's random name taken out
/// (two scratch databases are otherwise reported alike).
std::string normalized(const support::Diagnostics& diags) {
    std::string out;
    for (const auto& d : diags.items()) out += support::format(d) + "\n";
    return std::regex_replace(out, std::regex("autogen_scratch_[0-9_]+"), "SCRATCH");
}

/// Runs `groups` in a new scratch database of `dialect_name`; `check` sees the database.
struct Run {
    bool ok = false;
    support::Diagnostics diags;
    std::size_t last_done = 0, last_total = 0;
    bool progress_off_thread = false;
};

template <typename Check>
Run run_in_new_scratch(const std::string& dialect_name, const Groups& groups,
                       const pipeline::GroupRun& options, Check check) {
    PipelineProject p;
    auto config = p.config(dialect_name == "sqlite" ? test::kSqliteToml : test::postgres_toml());
    const auto& dialect = p.dialect(dialect_name);
    auto scratch = dialect.scratch(config, p.diags);
    INFO(p.messages());
    REQUIRE(scratch);
    Run run;
    const auto caller = std::this_thread::get_id();
    run.ok = pipeline::run_statement_groups(
        dialect, *scratch, groups, run.diags,
        [&](const support::Progress& pr) {
            if (std::this_thread::get_id() != caller) run.progress_off_thread = true;
            CHECK(pr.step == "creating");
            run.last_done = pr.done;
            run.last_total = pr.total;
        },
        "creating", options);
    check(*scratch);
    return run;
}

/// Whether `table` exists in the database of `conn`.
bool has(db::Connection& conn, const std::string& table) {
    support::Diagnostics diags;
    auto got = conn.has_table(table, diags);
    REQUIRE(got);
    return *got;
}

void check_all_created(const std::string& dialect_name, std::size_t connections,
                       std::size_t batch) {
    CAPTURE(connections);
    CAPTURE(batch);
    const auto groups = table_groups(12);
    auto run = run_in_new_scratch(
        dialect_name, groups,
        {.first_group_first = true, .connections = connections, .batch = batch},
        [&](db::Connection& conn) {
            CHECK(has(conn, "base"));
            for (std::size_t i = 1; i <= 12; ++i) CHECK(has(conn, "t" + std::to_string(i)));
            // The indexes too: creating one again fails.
            support::Diagnostics again;
            CHECK_FALSE(conn.execute("CREATE INDEX ix_t7 ON t7 (base_id)", again));
        });
    INFO(normalized(run.diags));
    CHECK(run.ok);
    CHECK(run.diags.items().empty());
    CHECK(run.last_total == 25);
    CHECK(run.last_done == 25);
    CHECK_FALSE(run.progress_off_thread);
}

/// Runs groups 5 and 9 failing; returns the normalized diagnostics.
std::string check_first_failure_reported(std::size_t connections, std::size_t batch) {
    CAPTURE(connections);
    CAPTURE(batch);
    auto run = run_in_new_scratch(
        "postgresql", table_groups(12, {5, 9}),
        {.first_group_first = true, .connections = connections, .batch = batch},
        [&](db::Connection& conn) {
            CHECK(has(conn, "base"));
            // Groups before the failing one ran, and its own statements before the failure.
            for (std::size_t i = 1; i < 5; ++i) CHECK(has(conn, "t" + std::to_string(i)));
            CHECK(has(conn, "t5"));  // a failed batch runs again one by one up to the failure
        });
    const std::string messages = normalized(run.diags);
    INFO(messages);
    CHECK_FALSE(run.ok);
    CHECK(run.diags.error_count() == 1);
    CHECK(messages.find("statement: CREATE INDEX ix_bad_t5 ON no_such_table_t5 (x)") !=
          std::string::npos);
    CHECK(messages.find("no_such_table_t5") != std::string::npos);
    CHECK(messages.find("no_such_table_t9") == std::string::npos);
    CHECK(messages.find("of the batch") == std::string::npos);
    CHECK_FALSE(run.progress_off_thread);
    return messages;
}

}  // namespace

TEST_CASE(
    "run_statement_groups: every group created on the PostgreSQL test server, 1 to 4 sessions") {
    for (std::size_t n : {1, 2, 4}) check_all_created("postgresql", n, 1);
    check_all_created("postgresql", 3, 4);  // batches of 4 statements per transaction
}

TEST_CASE("run_statement_groups: SQLite (no peer sessions) runs every group on the scratch one") {
    CHECK_FALSE(PipelineProject{}.dialect("sqlite").scratch_peer);
    check_all_created("sqlite", 4, 1);
    check_all_created("sqlite", 1, 3);
}

TEST_CASE(
    "run_statement_groups: the first failing group's statement is reported, whatever the "
    "sessions and batches") {
    const std::string serial = check_first_failure_reported(1, 1);
    CHECK(check_first_failure_reported(4, 1) == serial);
    CHECK(check_first_failure_reported(3, 3) == serial);  // found again one by one
    CHECK(serial.find("no_such_table_t5") != std::string::npos);
}

TEST_CASE("run_statement_groups: a failure in groups[0] runs no other group") {
    auto groups = table_groups(6);
    groups[0].push_back({.sql = "CREATE INDEX ix_nowhere ON nowhere (x)"});
    for (const std::string dialect : {"postgresql", "sqlite"}) {
        CAPTURE(dialect);
        auto run =
            run_in_new_scratch(dialect, groups, {.first_group_first = true, .connections = 3},
                               [&](db::Connection& conn) {
                                   CHECK(has(conn, "base"));
                                   for (std::size_t i = 1; i <= 6; ++i)
                                       CHECK_FALSE(has(conn, "t" + std::to_string(i)));
                               });
        INFO(normalized(run.diags));
        CHECK_FALSE(run.ok);
        CHECK(normalized(run.diags).find("CREATE INDEX ix_nowhere ON nowhere (x)") !=
              std::string::npos);
    }
}

TEST_CASE("run_statement_groups: no groups, and groups without a first phase") {
    auto run = run_in_new_scratch("postgresql", {}, {}, [](db::Connection&) {});
    CHECK(run.ok);
    Groups independent = {
        {{.sql = "CREATE TABLE a (id INTEGER)"}}, {{.sql = "CREATE TABLE b (id INTEGER)"}}, {}};
    run =
        run_in_new_scratch("postgresql", independent, {.connections = 2}, [](db::Connection& conn) {
            CHECK(has(conn, "a"));
            CHECK(has(conn, "b"));
        });
    CHECK(run.ok);
    CHECK(run.last_done == 2);
}

TEST_CASE("scratch_connections: AUTOGEN_SCRATCH_CONNECTIONS, else the hardware clamped to 1..4") {
    {
        test::ScopedEnv env("AUTOGEN_SCRATCH_CONNECTIONS", "7");
        CHECK(pipeline::scratch_connections() == 7);
    }
    for (const char* bad : {"0", "65", "two", "3x", ""}) {
        test::ScopedEnv env("AUTOGEN_SCRATCH_CONNECTIONS", bad);
        const std::size_t n = pipeline::scratch_connections();
        CHECK(n >= 1);
        CHECK(n <= 4);
    }
}

TEST_CASE("scratch_peer: another session on the same scratch database, which it does not drop") {
    PipelineProject p;
    auto config = p.config(test::postgres_toml());
    const auto& dialect = p.dialect("postgresql");
    auto scratch = dialect.scratch(config, p.diags);
    INFO(p.messages());
    REQUIRE(scratch);
    REQUIRE(scratch->execute("CREATE TABLE seen (id INTEGER)", p.diags));
    {
        auto peer = dialect.scratch_peer(*scratch, p.diags);
        REQUIRE(peer);
        CHECK(has(*peer, "seen"));
        auto setting = peer->query("SHOW synchronous_commit", {}, p.diags);
        REQUIRE(setting);
        CHECK(setting->rows.at(0).at(0) == std::optional<std::string>("off"));
    }
    CHECK(has(*scratch, "seen"));  // the peer closed without dropping the database

    // A connection that is not a scratch database's first one has no peers.
    auto peer_of_peer = dialect.scratch_peer(*dialect.scratch_peer(*scratch, p.diags), p.diags);
    CHECK_FALSE(peer_of_peer);
    CHECK(p.messages().find("not a PostgreSQL scratch database's") != std::string::npos);
}
