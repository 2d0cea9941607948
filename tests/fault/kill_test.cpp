// Fault test (SPEC §5, issue 13): the built autogen, killed with SIGKILL at random points
// of (a) a large SQLite revision that rebuilds four tables linked by foreign keys and
// (b) a many-statement PostgreSQL revision, leaves the database exactly as it was before
// (schema and row checksums), or, when the kill came after COMMIT, exactly as a completed
// upgrade; and the next `upgrade head` always completes. The kill delays come from a
// seeded RNG, uniform over the length of an uninterrupted run; the seed is printed, and
// AUTOGEN_FAULT_SEED=N repeats a run. Each test case stays well under a minute.
#include <doctest/doctest.h>
#include <fcntl.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <iostream>
#include <map>
#include <optional>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "db/postgres_connection.hpp"
#include "db/postgres_url.hpp"
#include "tests/support/db_rows.hpp"
#include "tests/support/postgres_test_server.hpp"
#include "tests/support/temp_dir.hpp"

namespace fs = std::filesystem;
using namespace autogen;
using Clock = std::chrono::steady_clock;

namespace {

constexpr int kKills = 20;

/// How one run of autogen ended.
struct Outcome {
    bool killed = false;  ///< SIGKILL arrived while it ran
    int code = -1;        ///< its exit code when it was not killed
};

/// Runs the built autogen with `args` in `cwd` (stdin /dev/null, output to `log`, CI=true
/// so it never prompts) and, with `kill_after`, sends SIGKILL that long after the start.
Outcome run_autogen(const fs::path& cwd, const std::vector<std::string>& args,
                    const std::map<std::string, std::string>& env, const fs::path& log,
                    std::optional<std::chrono::microseconds> kill_after = std::nullopt) {
    std::vector<std::string> words{AUTOGEN_BINARY};
    words.insert(words.end(), args.begin(), args.end());
    pid_t pid = fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
        if (chdir(cwd.c_str()) != 0) _exit(126);
        setenv("CI", "true", 1);
        for (const auto& [k, v] : env) setenv(k.c_str(), v.c_str(), 1);
        int in = open("/dev/null", O_RDONLY);
        int out = open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        if (in < 0 || out < 0) _exit(126);
        dup2(in, 0);
        dup2(out, 1);
        dup2(out, 2);
        std::vector<char*> argv;
        for (auto& w : words) argv.push_back(w.data());
        argv.push_back(nullptr);
        execv(argv[0], argv.data());
        _exit(127);
    }
    if (kill_after) {
        std::this_thread::sleep_for(*kill_after);
        kill(pid,
             SIGKILL);  // a child that already exited is a zombie until waitpid: no other process
    }
    int status = 0;
    while (waitpid(pid, &status, 0) < 0) {
    }
    Outcome o;
    o.killed = WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL;
    o.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return o;
}

/// Fails the test with the log of a run that should have succeeded.
void require_ok(const Outcome& o, const fs::path& log, const std::string& what) {
    INFO(what << " exited " << o.code << ":\n" << testing::read_file(log));
    REQUIRE_FALSE(o.killed);
    REQUIRE(o.code == 0);
}

/// The seed of this run: AUTOGEN_FAULT_SEED, else a fresh one; printed either way.
std::uint64_t seed() {
    const char* fixed = std::getenv("AUTOGEN_FAULT_SEED");
    std::uint64_t s = fixed && *fixed ? std::stoull(fixed) : std::random_device{}();
    std::cout << "fault test seed: " << s << " (repeat with AUTOGEN_FAULT_SEED=" << s << ")"
              << std::endl;
    return s;
}

/// FNV-1a, 64 bit, continued from `h`.
std::uint64_t fnv(std::uint64_t h, const void* data, std::size_t n) {
    const auto* p = static_cast<const unsigned char*>(data);
    for (std::size_t i = 0; i < n; ++i) h = (h ^ p[i]) * 1099511628211ull;
    return h;
}

/// The columns compared in a table: all of them, except the version table's and its log's
/// applied_at (the time of the run, which a completed rerun cannot repeat).
std::string compared_columns(const std::string& table) {
    if (table == "autogen_version") return "\"version_num\", \"checksum\"";
    if (table == "autogen_version_log") return "\"revision\", \"checksum\"";
    if (table == "autogen_version_steps") return "\"revision\", \"direction\", \"statement\"";
    return "*";
}

/// The schema (every object's stored SQL) and, per table, the row count and an
/// order-independent sum of row hashes. Opened read-write, as the next autogen would:
/// a hot journal left by a killed writer is rolled back first.
std::string sqlite_fingerprint(const fs::path& file) {
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open_v2(file.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr) == SQLITE_OK);
    sqlite3_busy_timeout(db, 30000);
    auto each_row = [&](const std::string& sql, auto&& fn) {
        sqlite3_stmt* st = nullptr;
        INFO(sql << ": " << sqlite3_errmsg(db));
        REQUIRE(sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr) == SQLITE_OK);
        int rc;
        while ((rc = sqlite3_step(st)) == SQLITE_ROW) fn(st);
        REQUIRE(rc == SQLITE_DONE);
        sqlite3_finalize(st);
    };
    auto text = [](sqlite3_stmt* st, int c) {
        const auto* t = sqlite3_column_text(st, c);
        return t ? std::string(reinterpret_cast<const char*>(t)) : std::string("<null>");
    };
    std::string out;
    std::vector<std::string> tables;
    each_row(
        "SELECT type, name, sql FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%' ORDER BY type, "
        "name",
        [&](sqlite3_stmt* st) {
            out += text(st, 0) + " " + text(st, 1) + ": " + text(st, 2) + "\n";
            if (text(st, 0) == "table") tables.push_back(text(st, 1));
        });
    for (const auto& t : tables) {
        std::uint64_t sum = 0, rows = 0;
        each_row("SELECT " + compared_columns(t) + " FROM \"" + t + "\"", [&](sqlite3_stmt* st) {
            std::uint64_t h = 14695981039346656037ull;
            for (int c = 0; c < sqlite3_column_count(st); ++c) {
                int type = sqlite3_column_type(st, c);
                h = fnv(h, &type, sizeof type);
                h = fnv(h, sqlite3_column_blob(st, c),
                        static_cast<std::size_t>(sqlite3_column_bytes(st, c)));
            }
            sum += h;
            ++rows;
        });
        out += "rows " + t + ": " + std::to_string(rows) + " " + std::to_string(sum) + "\n";
    }
    sqlite3_close(db);
    return out;
}

void sqlite_exec(const fs::path& file, const std::string& sql) {
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open_v2(file.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr) == SQLITE_OK);
    char* error = nullptr;
    int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error);
    INFO(sql << ": " << (error ? error : ""));
    sqlite3_free(error);
    sqlite3_close(db);
    REQUIRE(rc == SQLITE_OK);
}

/// The database file as it was (the journal a kill left behind goes too).
void restore(const fs::path& from, const fs::path& to) {
    for (const char* suffix : {"-journal", "-wal", "-shm"}) fs::remove(to.string() + suffix);
    fs::copy_file(from, to, fs::copy_options::overwrite_existing);
}

/// Four tables, each referenced by the next one with ON DELETE CASCADE; `next` adds a
/// server default to one column of each, which SQLite makes by rebuilding every table.
std::string models(bool next) {
    auto def = [&](const char* value) {
        return next ? std::string("AUTOGEN_COLUMN(server_default = \"") + value + "\") "
                    : std::string();
    };
    return "#pragma once\n#include <autogen/model.hpp>\n#include <cstdint>\n#include <string>\n"
           "struct AUTOGEN_TABLE(\"customers\") Customer {\n"
           "    AUTOGEN_COLUMN(primary_key, identity) std::int64_t id;\n"
           "    " +
           def("'anonymous'") +
           "std::string name;\n"
           "    std::string email;\n};\n"
           "struct AUTOGEN_TABLE(\"orders\") Order {\n"
           "    AUTOGEN_COLUMN(primary_key, identity) std::int64_t id;\n"
           "    AUTOGEN_COLUMN(references = \"customers.id\", on_delete = \"cascade\", index) "
           "std::int64_t customer_id;\n"
           "    " +
           def("'new'") +
           "std::string status;\n"
           "    std::int64_t total_cents;\n};\n"
           "struct AUTOGEN_TABLE(\"order_items\") OrderItem {\n"
           "    AUTOGEN_COLUMN(primary_key, identity) std::int64_t id;\n"
           "    AUTOGEN_COLUMN(references = \"orders.id\", on_delete = \"cascade\", index) "
           "std::int64_t order_id;\n"
           "    std::string sku;\n"
           "    " +
           def("1") +
           "std::int64_t qty;\n};\n"
           "struct AUTOGEN_TABLE(\"payments\") Payment {\n"
           "    AUTOGEN_COLUMN(primary_key, identity) std::int64_t id;\n"
           "    AUTOGEN_COLUMN(references = \"orders.id\", on_delete = \"cascade\", index) "
           "std::int64_t order_id;\n"
           "    " +
           def("0") + "std::int64_t amount_cents;\n};\n";
}

/// Rows for the four tables: `n` orders, with n/5 customers, 2n items and n payments.
std::string fill_sql(int n, bool postgres) {
    const std::string N = std::to_string(n);
    auto series = [&](const std::string& count) {
        return postgres
                   ? "generate_series(1, " + count + ") AS s(i)"
                   : "(WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < " +
                         count + ") SELECT i FROM s)";
    };
    return "INSERT INTO customers (id, name, email) SELECT i, 'customer ' || i, 'c' || i || "
           "'@example.com' FROM " +
           series(std::to_string(n / 5)) + ";\n" +
           "INSERT INTO orders (id, customer_id, status, total_cents) SELECT i, 1 + i % " +
           std::to_string(n / 5) + ", 'paid', i * 7 FROM " + series(N) + ";\n" +
           "INSERT INTO order_items (id, order_id, sku, qty) SELECT i, 1 + i % " + N +
           ", 'sku-' || i, 1 + i % 9 FROM " + series(std::to_string(2 * n)) + ";\n" +
           "INSERT INTO payments (id, order_id, amount_cents) SELECT i, i, i * 7 FROM " +
           series(N) + ";\n";
}

/// A project whose models are models(false), with the given database URL.
void write_project(const testing::TempDir& dir, const std::string& url) {
    dir.write("autogen.toml",
              "[database]\nurl = \"" + url + "\"\n[models]\nheaders = [\"models/*.hpp\"]\n");
    dir.write("models/shop.hpp", models(false));
}

/// One database under test, for kill_repeatedly().
struct Target {
    std::function<void()> reset;  ///< the database back to its state before the upgrade
    /// `upgrade head` on it, killed `kill_after` after its start when given.
    std::function<Outcome(std::optional<std::chrono::microseconds> kill_after)> upgrade;
    /// The database's state, once every session of a killed run has ended.
    std::function<std::string()> fingerprint;
};

/// Runs `upgrade head` on a reset database and kills it at a random point of an
/// uninterrupted run's length, until kKills runs were killed: each leaves the database
/// as before (or, killed after COMMIT, as a completed upgrade), and the next upgrade
/// completes to the state an uninterrupted one leaves.
/// `atomic` false: the revision runs outside a transaction (-- autogen: no-transaction),
/// so a kill may leave any state between; the next upgrade must still complete it.
void kill_repeatedly(const Target& target, const fs::path& log, bool atomic = true) {
    target.reset();
    const std::string before = target.fingerprint();
    auto start = Clock::now();
    require_ok(target.upgrade(std::nullopt), log, "an uninterrupted upgrade");
    const auto length = std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - start);
    const std::string after = target.fingerprint();
    REQUIRE(before != after);
    MESSAGE("an uninterrupted upgrade takes " << length.count() / 1000 << " ms");

    std::mt19937_64 rng(seed());
    std::uniform_int_distribution<std::int64_t> delay(0, length.count());
    int as_before = 0, as_after = 0, finished = 0, between = 0;
    for (int run = 0; as_before + as_after + between < kKills && run < 4 * kKills; ++run) {
        target.reset();
        const std::chrono::microseconds at(delay(rng));
        const Outcome o = target.upgrade(at);
        const std::string now = target.fingerprint();
        INFO("run " << run << ", kill after " << at.count()
                    << " us: " << (o.killed ? "killed" : "finished"));
        if (!o.killed) {
            CHECK(o.code == 0);
            CHECK(now == after);
            ++finished;
        } else if (now == before) {
            ++as_before;
        } else if (now == after) {
            ++as_after;  // killed between COMMIT and exit
        } else {
            CHECK_FALSE(atomic);  // a transaction leaves no state in between
            ++between;
        }
        require_ok(target.upgrade(std::nullopt), log, "the upgrade after a kill");
        CHECK(target.fingerprint() == after);
    }
    MESSAGE(as_before << " killed before COMMIT (database as before), " << as_after
                      << " killed after COMMIT (as a completed upgrade), " << between
                      << " killed in between (no transaction; resumed), " << finished
                      << " finished before the kill");
    CHECK(as_before + as_after + between >= kKills);
    if (!atomic) CHECK(between > 0);
}

}  // namespace

TEST_CASE("fault: sqlite rebuild of four linked tables killed at random points") {
    testing::TempDir dir;
    write_project(dir, "sqlite:///db/app.sqlite3");
    const fs::path cwd = dir.path(), log = cwd / "autogen.log";
    const fs::path app = cwd / "db" / "app.sqlite3", base = cwd / "base.sqlite3";
    require_ok(run_autogen(cwd, {"revision", "-m", "init", "--rev-id", "000000000001"}, {}, log),
               log, "revision");
    require_ok(run_autogen(cwd, {"upgrade", "head"}, {}, log), log, "upgrade");
    sqlite_exec(app, "BEGIN;\n" + fill_sql(60000, false) + "COMMIT;\n");
    dir.write("models/shop.hpp", models(true));
    require_ok(
        run_autogen(cwd, {"revision", "-m", "defaults", "--rev-id", "000000000002"}, {}, log), log,
        "revision");
    fs::copy_file(app, base);
    Target target;
    target.reset = [&] { restore(base, app); };
    target.upgrade = [&](std::optional<std::chrono::microseconds> kill_after) {
        return run_autogen(cwd, {"upgrade", "head"}, {}, log, kill_after);
    };
    target.fingerprint = [&] { return sqlite_fingerprint(app); };
    kill_repeatedly(target, log);
}

namespace {

/// A revision of many statements in one transaction: per step a table copied from
/// orders, an UPDATE of orders and of order_items, a new column, an index.
std::string many_statements_revision(int steps) {
    std::string up, down;
    for (int i = 0; i < steps; ++i) {
        const std::string n = std::to_string(i), k = std::to_string(steps);
        up += "CREATE TABLE \"audit_" + n +
              "\" AS SELECT \"id\", \"total_cents\" FROM \"orders\" WHERE \"id\" % " + k + " = " +
              n + ";\n" +
              "UPDATE \"orders\" SET \"total_cents\" = \"total_cents\" + 1 WHERE \"id\" % " + k +
              " = " + n + ";\n" +
              "UPDATE \"order_items\" SET \"qty\" = \"qty\" + 1 WHERE \"id\" % " + k + " = " + n +
              ";\n" + "ALTER TABLE \"payments\" ADD COLUMN \"extra_" + n +
              "\" INTEGER NOT NULL DEFAULT " + n + ";\n" + "CREATE INDEX \"ix_audit_" + n +
              "\" ON \"audit_" + n + "\" (\"total_cents\");\n";
        down = "DROP TABLE \"audit_" + n + "\";\n" +
               "UPDATE \"orders\" SET \"total_cents\" = \"total_cents\" - 1 WHERE \"id\" % " + k +
               " = " + n + ";\n" +
               "UPDATE \"order_items\" SET \"qty\" = \"qty\" - 1 WHERE \"id\" % " + k + " = " + n +
               ";\n" + "ALTER TABLE \"payments\" DROP COLUMN \"extra_" + n + "\";\n" + down;
    }
    return "-- autogen revision\n-- revision: 000000000002\n-- down_revision: 000000000001\n"
           "-- message: many statements\n-- created: 2026-11-21T15:31:00Z\n\n"
           "-- +upgrade postgresql\n" +
           up + "\n-- +downgrade postgresql\n" + down;
}

/// A revision whose upgrade and downgrade run outside a transaction (the online plan's
/// no-transaction sections): indexes built and dropped CONCURRENTLY, one after another.
std::string concurrent_indexes_revision() {
    const std::vector<std::pair<std::string, std::string>> indexes = {
        {"orders", "total_cents"},  {"orders", "status, id"},        {"order_items", "sku"},
        {"order_items", "qty, id"}, {"payments", "amount_cents"},    {"customers", "email"},
        {"customers", "name, id"},  {"order_items", "order_id, qty"}};
    std::string up = "-- autogen: no-transaction\n", drops;
    for (std::size_t i = 0; i < indexes.size(); ++i) {
        const std::string name = "ix_online_" + std::to_string(i);
        up += "CREATE INDEX CONCURRENTLY \"" + name + "\" ON \"" + indexes[i].first + "\" (" +
              indexes[i].second + ");\n";
        // A drop takes a few milliseconds: the pause after each keeps the kills, spread
        // over the whole run, from all landing in the process's start-up.
        drops = "DROP INDEX CONCURRENTLY \"" + name + "\";\nSELECT pg_sleep(0.02);\n" + drops;
    }
    const std::string down = "-- autogen: no-transaction\n" + drops;
    return "-- autogen revision\n-- revision: 000000000002\n-- down_revision: 000000000001\n"
           "-- message: concurrent indexes\n-- created: 2026-11-21T15:31:00Z\n\n"
           "-- +upgrade postgresql\n" +
           up + "\n-- +downgrade postgresql\n" + down;
}

/// The test server's administrative connection.
std::unique_ptr<db::Connection> server(support::Diagnostics& diags) {
    auto url = db::parse_postgres_url(test::postgres_test_server_url(), diags);
    return url ? db::open_postgres(*url, diags) : nullptr;
}

std::unique_ptr<db::Connection> connect(const std::string& url) {
    support::Diagnostics diags;
    auto parsed = db::parse_postgres_url(url, diags);
    auto conn = parsed ? db::open_postgres(*parsed, diags) : nullptr;
    INFO(test::format_all(diags));
    REQUIRE(conn);
    return conn;
}

/// Schema (columns, constraints, indexes of the public schema) and per table its row
/// count and an md5 of its rows in a fixed order.
std::string postgres_fingerprint(const std::string& url) {
    auto conn = connect(url);
    support::Diagnostics diags;
    std::string out;
    auto add = [&](const std::string& sql) {
        for (const auto& line : test::query_rows(*conn, sql, diags)) out += line + "\n";
    };
    add("SELECT table_name, column_name, data_type, is_nullable, column_default FROM "
        "information_schema.columns "
        "WHERE table_schema = 'public' ORDER BY table_name, ordinal_position");
    add("SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) FROM pg_constraint "
        "WHERE connamespace = 'public'::regnamespace ORDER BY 1, 2");
    add("SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' ORDER BY 1");
    // an INVALID index (a CONCURRENTLY build killed or failed) reads like a valid one above
    add("SELECT c.relname, i.indisvalid, i.indisready FROM pg_index i JOIN pg_class c ON c.oid = "
        "i.indexrelid WHERE c.relnamespace = 'public'::regnamespace ORDER BY 1");
    for (const auto& t :
         test::query_rows(*conn,
                          "SELECT tablename FROM pg_tables WHERE schemaname = 'public' "
                          "ORDER BY 1",
                          diags)) {
        add("SELECT '" + t +
            "', count(*), md5(coalesce(string_agg(r::text, ',' ORDER BY r::text), '')) FROM "
            "(SELECT " +
            compared_columns(t) + " FROM \"" + t + "\") AS r");
    }
    INFO(test::format_all(diags));
    REQUIRE_FALSE(diags.has_errors());
    return out;
}

/// Waits until no session but ours is connected to `name` (a killed client's server
/// process ends when it next reads from the closed socket, rolling back its transaction).
void wait_for_sessions_to_end(db::Connection& admin, const std::string& name) {
    support::Diagnostics diags;
    for (int i = 0; i < 600; ++i) {
        auto rows = test::query_rows(
            admin, "SELECT count(*) FROM pg_stat_activity WHERE datname = '" + name + "'", diags);
        if (rows == std::vector<std::string>{"0"}) return;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    FAIL("a session on " << name << " did not end within 30 s of its client's death");
}

/// A copy of database `from` (which nobody is connected to) named `to`.
/// Tried again a few times: an autovacuum worker may be visiting `from` for a moment.
void clone(db::Connection& admin, const std::string& from, const std::string& to) {
    support::Diagnostics diags;
    REQUIRE(admin.execute("DROP DATABASE IF EXISTS \"" + to + "\" WITH (FORCE)", diags));
    for (int attempt = 0; attempt < 100; ++attempt) {
        diags = {};
        if (admin.execute("CREATE DATABASE \"" + to + "\" TEMPLATE \"" + from + "\"", diags))
            return;
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    FAIL("cannot copy database " << from << ":\n" << test::format_all(diags));
}

/// The PostgreSQL cases' shop: a database at revision 1 of the shop models with
/// `orders` orders (the template every killed run starts from), the project whose
/// second revision is `second` (hashed into autogen.sum), and a Target that runs
/// `args` on a copy of `from` (this base, or another template).
class PostgresShop {
  public:
    PostgresShop(int orders, const std::string& file, const std::string& second) {
        support::Diagnostics diags;
        admin = server(diags);
        REQUIRE(admin);
        write_project(dir, "postgresql://unused");
        require_ok(run_autogen(cwd(), {"revision", "-m", "init", "--rev-id", "000000000001"},
                               env_for(base.url()), log()),
                   log(), "revision");
        require_ok(run_autogen(cwd(), {"upgrade", "head"}, env_for(base.url()), log()), log(),
                   "upgrade");
        {
            auto conn = connect(base.url());
            REQUIRE(conn->execute(fill_sql(orders, true), diags));
            // Statistics now, so that autovacuum has no reason to visit the template later.
            REQUIRE(conn->execute("VACUUM ANALYZE", diags));
        }
        dir.write("migrations/" + file, second);
        require_ok(run_autogen(cwd(), {"hash"}, env_for(base.url()), log()), log(), "hash");
        wait_for_sessions_to_end(*admin, base.name());
    }
    ~PostgresShop() {
        support::Diagnostics diags;
        for (const auto& name : made_)
            admin->execute("DROP DATABASE IF EXISTS \"" + name + "\" WITH (FORCE)", diags);
    }

    const fs::path& cwd() const { return dir.path(); }
    fs::path log() const { return cwd() / "autogen.log"; }
    static std::map<std::string, std::string> env_for(const std::string& url) {
        return {{"DATABASE_URL", url}};
    }
    std::string url_of(const std::string& name) const {
        return db::with_database(test::postgres_test_server_url(), name);
    }

    /// A copy of the base named `name`, then `args` run on it (a second template).
    std::string template_after(const std::string& name, const std::vector<std::string>& args) {
        made_.push_back(name);
        clone(*admin, base.name(), name);
        require_ok(run_autogen(cwd(), args, env_for(url_of(name)), log()), log(),
                   "building template " + name);
        wait_for_sessions_to_end(*admin, name);
        return name;
    }

    /// Each run on a fresh copy of `from`: `args`, killed when asked.
    Target target(const std::string& from, const std::vector<std::string>& args) {
        const std::string copy = base.name() + "_run";
        made_.push_back(copy);
        Target t;
        t.reset = [this, from, copy] { clone(*admin, from, copy); };
        t.upgrade = [this, args, copy](std::optional<std::chrono::microseconds> kill_after) {
            return run_autogen(cwd(), args, env_for(url_of(copy)), log(), kill_after);
        };
        t.fingerprint = [this, copy] {
            wait_for_sessions_to_end(*admin, copy);
            return postgres_fingerprint(url_of(copy));
        };
        return t;
    }

    test::PostgresTestDatabase base;
    std::unique_ptr<db::Connection> admin;
    testing::TempDir dir;

  private:
    std::vector<std::string> made_;
};

}  // namespace

TEST_CASE("fault: postgresql many-statement revision killed at random points") {
    PostgresShop shop(10000, "20261121_1531_000000000002_many_statements.sql",
                      many_statements_revision(40));
    kill_repeatedly(shop.target(shop.base.name(), {"upgrade", "head"}), shop.log());
}

TEST_CASE("fault: postgresql no-transaction sections killed at random points resume") {
    PostgresShop shop(40000, "20261121_1531_000000000002_concurrent_indexes.sql",
                      concurrent_indexes_revision());
    // Each direction from its own template: revision 1 (upgrade), revision 2 (downgrade).
    const std::string at_head =
        shop.template_after(shop.base.name() + "_head", {"upgrade", "head"});
    kill_repeatedly(shop.target(shop.base.name(), {"upgrade", "head"}), shop.log(),
                    /*atomic=*/false);
    kill_repeatedly(shop.target(at_head, {"downgrade", "000000000001"}), shop.log(),
                    /*atomic=*/false);
}
