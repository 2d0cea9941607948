// The application side of issue 18's load test: CLIENTS sessions writing and reading a
// PostgreSQL table while a migration command runs, and what they went through.
//
//   online_load_bench --url URL --rows N --customers N [--clients 8] [--warmup 2]
//                     [--cooldown 1] [--pace-ms 5] [--hold-lock SECONDS]
//                     [--max-seconds 600] [--log FILE] -- COMMAND [ARGS...]
//
// Each client is one libpq session that runs, one after the other with --pace-ms between
// starts, an INSERT into orders (40%), an UPDATE of a random order by id (40%) or a
// SELECT of one by id (20%), every write valid under the constraints the migration adds.
// After --warmup seconds COMMAND runs (its output to --log); --cooldown seconds after it
// ends the clients stop. --hold-lock S opens, just before COMMAND starts, a transaction
// that reads orders (ACCESS SHARE, as a report query or a session left idle in a
// transaction does) and commits S seconds after COMMAND started.
//
// Printed as `key=value` lines (bench/online_load.sh makes the table):
//   migration_ms      COMMAND's wall time; command_status its exit status
//   longest_write_ms  the longest write whose time overlapped the migration: how long a
//                     writer was blocked at most
//   p99_write_ms      p99 latency of the writes that started during the migration
//   p99_write_before_ms  the same before it, the yardstick
//   writes_during, reads_during, failed_ops (every failure also goes to stderr once)
//   longest_read_ms   the longest read that overlapped the migration
// Bounded: COMMAND is killed after --max-seconds (then the exit status is 1). Loopback
// only: the URL is whatever the script passes, a throw-away server on 127.0.0.1.
#include <fcntl.h>
#include <libpq-fe.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <random>
#include <string>
#include <thread>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

struct Options {
    std::string url;
    long rows = 0;
    long customers = 0;
    int clients = 8;
    double warmup_s = 2;
    double cooldown_s = 1;
    int pace_ms = 5;
    double hold_lock_s = 0;
    double max_seconds = 600;
    std::string log = "/dev/null";
    std::vector<std::string> command;
};

/// One client operation: when it started and ended (microseconds since the start).
struct Sample {
    long long start_us;
    long long end_us;
    bool write;
    bool ok;
};

[[noreturn]] void usage(const char* why) {
    std::fprintf(stderr,
                 "online_load_bench: %s\nusage: online_load_bench --url URL --rows N --customers N "
                 "[--clients 8] [--warmup 2] [--cooldown 1] [--pace-ms 5] [--hold-lock S] "
                 "[--max-seconds 600] [--log FILE] -- COMMAND [ARGS...]\n",
                 why);
    std::exit(2);
}

Options parse(int argc, char** argv) {
    Options o;
    int i = 1;
    auto value = [&](const char* flag) -> std::string {
        if (i + 1 >= argc) usage((std::string(flag) + " needs a value").c_str());
        return argv[++i];
    };
    for (; i < argc; ++i) {
        std::string a = argv[i];
        if (a == "--") {
            for (++i; i < argc; ++i) o.command.emplace_back(argv[i]);
            break;
        }
        if (a == "--url")
            o.url = value("--url");
        else if (a == "--rows")
            o.rows = std::stol(value("--rows"));
        else if (a == "--customers")
            o.customers = std::stol(value("--customers"));
        else if (a == "--clients")
            o.clients = std::stoi(value("--clients"));
        else if (a == "--warmup")
            o.warmup_s = std::stod(value("--warmup"));
        else if (a == "--cooldown")
            o.cooldown_s = std::stod(value("--cooldown"));
        else if (a == "--pace-ms")
            o.pace_ms = std::stoi(value("--pace-ms"));
        else if (a == "--hold-lock")
            o.hold_lock_s = std::stod(value("--hold-lock"));
        else if (a == "--max-seconds")
            o.max_seconds = std::stod(value("--max-seconds"));
        else if (a == "--log")
            o.log = value("--log");
        else
            usage(("unknown option " + a).c_str());
    }
    if (o.url.empty() || o.rows <= 0 || o.customers <= 0 || o.clients <= 0 || o.command.empty())
        usage("--url, --rows, --customers and a COMMAND are required");
    return o;
}

PGconn* connect_or_die(const std::string& url) {
    PGconn* conn = PQconnectdb(url.c_str());
    if (PQstatus(conn) != CONNECTION_OK) {
        std::fprintf(stderr, "online_load_bench: cannot connect: %s", PQerrorMessage(conn));
        std::exit(1);
    }
    return conn;
}

/// Runs `sql` with text parameters; false (and the error to stderr, the first time
/// for this session) when it failed.
bool run(PGconn* conn, const char* sql, const std::vector<std::string>& params, bool& reported) {
    std::vector<const char*> values;
    for (const auto& p : params) values.push_back(p.c_str());
    PGresult* r = PQexecParams(conn, sql, static_cast<int>(values.size()), nullptr, values.data(),
                               nullptr, nullptr, 0);
    auto status = PQresultStatus(r);
    bool ok = status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK;
    if (!ok && !reported) {
        std::fprintf(stderr, "online_load_bench: a client's statement failed: %s",
                     PQresultErrorMessage(r));
        reported = true;
    }
    PQclear(r);
    return ok;
}

long long micros_since(Clock::time_point t0) {
    return std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - t0).count();
}

void client(const Options& o, int index, Clock::time_point t0, const std::atomic<bool>& stop,
            std::vector<Sample>& out) {
    PGconn* conn = connect_or_die(o.url);
    std::mt19937_64 rng(static_cast<unsigned>(index) * 7919u + 17u);
    std::uniform_int_distribution<long> order_id(1, o.rows);
    std::uniform_int_distribution<long> customer_id(1, o.customers);
    std::uniform_int_distribution<int> pick(0, 9);
    bool reported = false;
    auto next = Clock::now();
    while (!stop.load(std::memory_order_relaxed)) {
        next += std::chrono::milliseconds(o.pace_ms);
        std::this_thread::sleep_until(next);
        int kind = pick(rng);
        Sample s{micros_since(t0), 0, kind < 8, false};
        if (kind < 4) {
            s.ok =
                run(conn,
                    "INSERT INTO orders (customer_id, amount, status, note) "
                    "VALUES ($1, $2, 'new', 'load')",
                    {std::to_string(customer_id(rng)), std::to_string(pick(rng) * 10)}, reported);
        } else if (kind < 8) {
            s.ok = run(conn, "UPDATE orders SET amount = amount + 1 WHERE id = $1",
                       {std::to_string(order_id(rng))}, reported);
        } else {
            s.ok = run(conn, "SELECT id, customer_id, amount, status FROM orders WHERE id = $1",
                       {std::to_string(order_id(rng))}, reported);
        }
        s.end_us = micros_since(t0);
        out.push_back(s);
        // A client that fell behind (blocked) starts again from now, not in a burst.
        if (Clock::now() > next) next = Clock::now();
    }
    PQfinish(conn);
}

/// Starts COMMAND with its output appended to `log`; its pid.
pid_t spawn(const Options& o) {
    pid_t pid = fork();
    if (pid < 0) {
        std::perror("online_load_bench: fork");
        std::exit(1);
    }
    if (pid == 0) {
        int fd = open(o.log.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
        int null_in = open("/dev/null", O_RDONLY);
        if (fd >= 0) {
            dup2(fd, 1);
            dup2(fd, 2);
        }
        if (null_in >= 0) dup2(null_in, 0);
        std::vector<char*> args;
        for (const auto& a : o.command) args.push_back(const_cast<char*>(a.c_str()));
        args.push_back(nullptr);
        execvp(args[0], args.data());
        std::perror("online_load_bench: exec");
        _exit(127);
    }
    return pid;
}

/// Waits for `pid` at most `seconds`; its exit status, or 1 after killing it.
int wait_bounded(pid_t pid, double seconds) {
    auto deadline = Clock::now() + std::chrono::duration<double>(seconds);
    for (;;) {
        int status = 0;
        pid_t r = waitpid(pid, &status, WNOHANG);
        if (r == pid) return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
        if (Clock::now() > deadline) {
            std::fprintf(stderr, "online_load_bench: the command ran longer than %.0f s: killed\n",
                         seconds);
            kill(pid, SIGKILL);
            waitpid(pid, &status, 0);
            return 1;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
}

double percentile_ms(std::vector<long long> durations_us, double p) {
    if (durations_us.empty()) return 0;
    std::sort(durations_us.begin(), durations_us.end());
    auto rank = static_cast<size_t>(p * static_cast<double>(durations_us.size() - 1) + 0.5);
    return static_cast<double>(durations_us[rank]) / 1000.0;
}

}  // namespace

int main(int argc, char** argv) {
    Options o = parse(argc, argv);
    auto t0 = Clock::now();
    std::atomic<bool> stop{false};
    std::vector<std::vector<Sample>> samples(static_cast<size_t>(o.clients));
    std::vector<std::thread> clients;
    for (int i = 0; i < o.clients; ++i)
        clients.emplace_back(client, std::cref(o), i, t0, std::cref(stop),
                             std::ref(samples[static_cast<size_t>(i)]));
    std::this_thread::sleep_for(std::chrono::duration<double>(o.warmup_s));

    // The long transaction: open and holding its lock before the migration starts.
    PGconn* holder = nullptr;
    if (o.hold_lock_s > 0) {
        holder = connect_or_die(o.url);
        bool reported = false;
        if (!run(holder, "BEGIN", {}, reported) ||
            !run(holder, "SELECT count(*) FROM orders WHERE id <= 10", {}, reported))
            return 1;
    }
    long long migration_start = micros_since(t0);
    pid_t pid = spawn(o);
    std::thread release;
    if (holder) {
        release = std::thread([&] {
            std::this_thread::sleep_for(std::chrono::duration<double>(o.hold_lock_s));
            bool reported = false;
            run(holder, "COMMIT", {}, reported);
        });
    }
    int status = wait_bounded(pid, o.max_seconds);
    long long migration_end = micros_since(t0);
    if (release.joinable()) release.join();
    if (holder) PQfinish(holder);
    std::this_thread::sleep_for(std::chrono::duration<double>(o.cooldown_s));
    stop = true;
    for (auto& t : clients) t.join();

    std::vector<long long> during, before;
    long long longest_write = 0, longest_read = 0;
    long writes_during = 0, reads_during = 0, failed = 0;
    for (const auto& per_client : samples) {
        for (const auto& s : per_client) {
            if (!s.ok) ++failed;
            long long d = s.end_us - s.start_us;
            bool overlaps = s.end_us >= migration_start && s.start_us <= migration_end;
            bool started_during = s.start_us >= migration_start && s.start_us <= migration_end;
            if (s.write) {
                if (overlaps) longest_write = std::max(longest_write, d);
                if (started_during) {
                    during.push_back(d);
                    ++writes_during;
                } else if (s.end_us < migration_start) {
                    before.push_back(d);
                }
            } else {
                if (overlaps) longest_read = std::max(longest_read, d);
                if (started_during) ++reads_during;
            }
        }
    }
    std::printf("command_status=%d\n", status);
    std::printf("migration_ms=%.0f\n",
                static_cast<double>(migration_end - migration_start) / 1000.0);
    std::printf("longest_write_ms=%.1f\n", static_cast<double>(longest_write) / 1000.0);
    std::printf("p99_write_ms=%.1f\n", percentile_ms(during, 0.99));
    std::printf("p99_write_before_ms=%.1f\n", percentile_ms(before, 0.99));
    std::printf("longest_read_ms=%.1f\n", static_cast<double>(longest_read) / 1000.0);
    std::printf("writes_during=%ld\nreads_during=%ld\nfailed_ops=%ld\n", writes_during,
                reads_during, failed);
    return status == 0 && failed == 0 ? 0 : 1;
}
