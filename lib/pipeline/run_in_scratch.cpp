// run_statement_groups() (run_in_scratch.hpp): a counter hands out groups to the calling
// thread (on `scratch`) and to one thread per peer session. Diagnostics are not
// thread-safe, so each group reports into its own sink, merged in group order at the end.
#include "run_in_scratch.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdlib>
#include <memory>
#include <mutex>
#include <thread>

namespace autogen::pipeline {

namespace {

using codegen::Statement;
using Groups = std::vector<std::vector<Statement>>;

/// The next `count` statements of `group` from `at` that can share a transaction: a
/// no_transaction statement stands alone.
std::size_t batch_length(const std::vector<Statement>& group, std::size_t at, std::size_t count) {
    std::size_t n = 0;
    while (at + n < group.size() && n < count) {
        if (group[at + n].no_transaction) return n == 0 ? 1 : n;
        ++n;
    }
    return n;
}

/// Runs statements [at, at + n) of `group` in one transaction and one call. When that
/// fails, the transaction is rolled back and they run again one by one, so that the
/// error names the statement itself, not the batch.
bool run_batch(db::Connection& conn, const std::vector<Statement>& group, std::size_t at,
               std::size_t n, support::Diagnostics& diags) {
    if (n > 1) {
        std::string sql;
        for (std::size_t i = at; i < at + n; ++i) sql += group[i].sql + ";\n";
        support::Diagnostics batch_diags;  // names the batch: replaced by the one-by-one run
        if (conn.begin(batch_diags) && conn.execute(sql, batch_diags) && conn.commit(batch_diags))
            return true;
        support::Diagnostics ignored;
        conn.rollback(ignored);
        if (conn.lost()) {  // nothing more can run on it: report what the batch got
            diags.absorb(std::move(batch_diags));
            return false;
        }
    }
    for (std::size_t i = at; i < at + n; ++i)
        if (!conn.execute(group[i].sql, diags)) return false;
    return true;
}

/// What the threads share. Each group's sink and flag is written only by the one thread
/// that runs the group, and read after every thread has been joined.
struct Work {
    const Groups& groups;
    std::size_t batch;
    std::vector<support::Diagnostics> group_diags;
    std::unique_ptr<std::atomic<bool>[]> failed;
    std::atomic<std::size_t> next{0};        ///< the next group to hand out
    std::atomic<bool> stop{false};           ///< a group failed: hand out no more
    std::atomic<std::size_t> statements{0};  ///< statements done, for progress
    std::mutex mutex;
    std::condition_variable changed;  ///< `released` set, or a peer ended
    bool released = false;            ///< groups[0] is done (first_group_first)
    std::size_t peers_running = 0;

    explicit Work(const Groups& g, std::size_t b)
        : groups(g),
          batch(std::max<std::size_t>(b, 1)),
          group_diags(g.size()),
          failed(new std::atomic<bool>[g.size()]) {
        for (std::size_t i = 0; i < g.size(); ++i) failed[i] = false;
    }

    /// Runs group `index` on `conn`; `after_statement` is called after each batch.
    template <typename After>
    void run_group(db::Connection& conn, std::size_t index, After after_statement) {
        const auto& group = groups[index];
        for (std::size_t at = 0; at < group.size();) {
            std::size_t n = batch_length(group, at, batch);
            if (!run_batch(conn, group, at, n, group_diags[index])) {
                failed[index] = true;
                stop = true;
                return;
            }
            at += n;
            statements += n;
            after_statement();
        }
    }

    /// Runs groups handed out by the counter on `conn` until none are left or one failed.
    template <typename After>
    void take_groups(db::Connection& conn, After after_statement) {
        while (!stop) {
            std::size_t index = next++;
            if (index >= groups.size()) return;
            run_group(conn, index, after_statement);
        }
    }
};

/// A peer session's thread: opens the session (while groups[0] may still run), waits for
/// the release, takes groups, and closes the session before it ends. A peer that cannot
/// be opened takes no part: the others do its share.
void peer_thread(const dialect::Dialect& dialect, const db::Connection& scratch, Work& work) {
    support::Diagnostics ignored;
    std::unique_ptr<db::Connection> peer = dialect.scratch_peer(scratch, ignored);
    if (peer) {
        {
            std::unique_lock lock(work.mutex);
            work.changed.wait(lock, [&] { return work.released; });
        }
        work.take_groups(*peer, [] {});
        peer.reset();  // closed before `scratch` can be dropped
    }
    std::lock_guard lock(work.mutex);
    --work.peers_running;
    work.changed.notify_all();
}

}  // namespace

std::size_t scratch_connections() {
    if (const char* env = std::getenv("AUTOGEN_SCRATCH_CONNECTIONS")) {
        char* end = nullptr;
        long n = std::strtol(env, &end, 10);
        if (end != env && *end == '\0' && n >= 1 && n <= 64) return static_cast<std::size_t>(n);
    }
    return std::clamp<std::size_t>(std::thread::hardware_concurrency(), 1, 4);
}

bool run_statement_groups(const dialect::Dialect& dialect, db::Connection& scratch,
                          const std::vector<std::vector<Statement>>& groups,
                          support::Diagnostics& diags, const support::ProgressCallback& progress,
                          const std::string& step, const GroupRun& options) {
    std::size_t total = 0;
    for (const auto& g : groups) total += g.size();
    Work work(groups, options.batch);
    std::size_t reported = 0;
    auto report = [&] {
        std::size_t done = work.statements;
        if (done == reported) return;
        reported = done;
        support::report(progress, {step, done, total, {}});
    };
    support::report(progress, {step, 0, total, {}});

    // Peers only for groups that can run beside another: one session per group at most.
    const std::size_t shared = groups.size() - (options.first_group_first && !groups.empty());
    const std::size_t sessions =
        std::min(options.connections ? options.connections : scratch_connections(),
                 std::max<std::size_t>(shared, 1));
    const std::size_t peers = dialect.scratch_peer ? sessions - 1 : 0;
    work.peers_running = peers;
    std::vector<std::thread> threads;
    threads.reserve(peers);
    for (std::size_t i = 0; i < peers; ++i)
        threads.emplace_back(peer_thread, std::cref(dialect), std::cref(scratch), std::ref(work));

    if (options.first_group_first && !groups.empty()) {
        work.next = 1;
        work.run_group(scratch, 0, report);
    }
    {
        std::lock_guard lock(work.mutex);
        work.released = true;
    }
    work.changed.notify_all();
    work.take_groups(scratch, report);
    {
        std::unique_lock lock(work.mutex);
        while (work.peers_running > 0) {
            work.changed.wait_for(lock, std::chrono::milliseconds(100));
            lock.unlock();
            report();
            lock.lock();
        }
    }
    for (auto& t : threads) t.join();
    report();

    for (std::size_t i = 0; i < groups.size(); ++i) {
        diags.absorb(std::move(work.group_diags[i]));
        if (work.failed[i]) return false;
    }
    return true;
}

}  // namespace autogen::pipeline
