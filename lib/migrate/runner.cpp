// The runner: one transaction per revision (its SQL and its version change), the
// current version re-read inside each transaction, failures rolled back and reported
// with the revision file and line of the failing statement.
#include "migrate/runner.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <map>
#include <set>
#include <thread>

#include "migrate/integrity.hpp"
#include "migrate/sql_splitter.hpp"
#include "migrate/step_log.hpp"
#include "migrate/unknown_revision.hpp"
#include "migrate/version_table.hpp"

namespace autogen::migrate {

using support::Category;

namespace {

/// The database's complaint about a failed statement, without the statement text the
/// connection may append (the runner names the statement itself, whole).
std::string database_message(const support::Diagnostics& d) {
    for (const auto& item : d.items()) {
        if (item.severity != support::Severity::Error) continue;
        auto cut = item.message.find("\n  statement:");
        return cut == std::string::npos ? item.message : item.message.substr(0, cut);
    }
    return "unknown error";
}

/// A statement for a message: whole, unless it is very long.
std::string excerpt(const std::string& sql) {
    constexpr std::size_t kMax = 400;
    return sql.size() <= kMax ? sql : sql.substr(0, kMax) + " ...";
}

/// Holds the connection's migration lock (Connection::lock_migrations, keyed by the
/// version table's name) for a whole run: taken before the version table is even
/// created, so two first runs on an empty database queue as well, and released however
/// the run ends.
class MigrationLock {
  public:
    MigrationLock(db::Connection& conn, std::string key, const db::LockWait& wait,
                  support::Diagnostics& diags)
        : conn_(conn), key_(std::move(key)) {
        held_ = conn_.lock_migrations(key_, wait, diags);
    }
    ~MigrationLock() {
        if (!held_) return;
        // A failed run may have left a transaction open, in which an unlock would fail.
        // Should the unlock still fail, the lock goes with the session; the run's own
        // outcome is what the user needs to read, so this is not reported.
        support::Diagnostics ignored;
        conn_.rollback(ignored);
        conn_.unlock_migrations(key_, ignored);
    }
    MigrationLock(const MigrationLock&) = delete;
    MigrationLock& operator=(const MigrationLock&) = delete;
    bool held() const { return held_; }

  private:
    db::Connection& conn_;
    std::string key_;
    bool held_ = false;
};

/// One run in one direction; the two directions differ only in the path, the section
/// and the version change.
class Run {
  public:
    Run(db::Connection& conn, const RevisionGraph& graph, Direction dir, const RunOptions& options,
        support::Diagnostics& diags)
        : conn_(conn),
          graph_(graph),
          dir_(dir),
          table_(options.version_table),
          steps_(options.version_table),
          dialect_(options.dialect.empty() ? conn.dialect() : options.dialect),
          migrations_dir_(options.migrations_dir),
          allow_edited_(options.allow_edited),
          sums_(options.sums),
          lock_wait_(options.lock_wait),
          lock_retries_(options.lock_retries),
          lock_retry_delay_(options.lock_retry_delay_seconds),
          progress_(options.progress),
          diags_(diags) {}

    RunResult go(std::string_view target_text) {
        if (auto done = settled(target_text)) return std::move(*done);
        MigrationLock lock(conn_, table_.name(), lock_wait_, diags_);
        if (!lock.held() || !table_.ensure(conn_, diags_)) return std::move(result_);
        auto heads = read_heads();
        if (!heads) return std::move(result_);
        result_.heads_before = *heads;
        auto target = graph_.resolve(target_text, *heads);
        if (!target) return usage_error(*target.error);
        result_.target = target.value;
        // Check the direction once up front, so a wrong target changes nothing.
        auto first = path(*heads);
        if (!first) return usage_error(*first.error);
        // Nothing runs from a file that is not as it was applied or as it was recorded,
        // even when nothing is pending (an edited applied revision is news either way).
        if (!allow_edited_ && !applied_unedited()) return std::move(result_);
        if (dir_ == Direction::Upgrade && !as_recorded(first.value)) return std::move(result_);

        // The path is computed once and followed while the version table is where our
        // own last step left it; if another migrator moved it meanwhile, the path is
        // recomputed from what it did (so nothing is applied twice).
        std::vector<const Revision*> plan;
        std::size_t next = 0;
        std::optional<std::vector<std::string>> expected;
        while (true) {
            if (!conn_.begin(diags_)) return std::move(result_);
            if (!table_.lock(conn_, diags_)) return abandon();
            heads = read_heads();
            if (!heads) return abandon();
            if (!expected || *heads != *expected) {
                auto todo = path(*heads);
                plan = todo ? todo.value : std::vector<const Revision*>{};
                next = 0;
            }
            if (next == plan.size()) {
                // Done, or another migrator already went past our target meanwhile.
                conn_.rollback(diags_);
                break;
            }
            const Revision& rev = *plan[next++];
            support::report(progress_,
                            {step_name(), next, plan.size(), short_id(rev.id) + " " + rev.message});
            const bool stepped = step(rev, *heads);
            support::report_finished(progress_, step_name());
            if (!stepped) return std::move(result_);
            expected = after_step(rev, *heads);
        }
        // "already at head" is for the caller to say (RunResult::already_there()).
        auto after = read_heads();
        if (!after) return std::move(result_);
        result_.heads_after = *after;
        result_.ok = true;
        return std::move(result_);
    }

  private:
    /// The answer when there is nothing to do, from one read of the version table and
    /// its log (VersionTable::read_state): no lock, no CREATE, no transaction, so an
    /// application that starts with its database up to date pays one round trip. Only a
    /// clean "already there" is answered here: a read that fails, an unknown head, a
    /// target that does not resolve, pending revisions, an edited applied revision or
    /// anything to warn about takes the long way, which locks, reports and applies.
    /// Safe without the lock: one statement reads one snapshot, and a migrator still
    /// running has not committed, so its revisions show as pending (the long way waits).
    std::optional<RunResult> settled(std::string_view target_text) const {
        auto state = table_.read_state(conn_);
        if (!state) return std::nullopt;
        for (const auto& h : state->heads)
            if (!graph_.find(h)) return std::nullopt;
        auto target = graph_.resolve(target_text, state->heads);
        if (!target) return std::nullopt;
        auto todo = path(state->heads, target.value);
        if (!todo || !todo.value.empty()) return std::nullopt;
        if (!allow_edited_) {
            support::Diagnostics quiet;
            if (!migrate::applied_unedited(graph_, state->checksums, to_string(dir_), quiet) ||
                !quiet.items().empty())
                return std::nullopt;
        }
        RunResult done;
        done.ok = true;
        done.heads_before = state->heads;
        done.heads_after = state->heads;
        done.target = target.value;
        return done;
    }

    /// The version table's heads (sorted, as read_heads() returns them) after `rev` moved it from
    /// `heads`.
    std::vector<std::string> after_step(const Revision& rev,
                                        const std::vector<std::string>& heads) const {
        auto change = graph_.head_change(rev, dir_, heads);
        std::vector<std::string> out;
        for (const auto& h : heads) {
            if (std::find(change.remove.begin(), change.remove.end(), h) == change.remove.end())
                out.push_back(h);
        }
        out.insert(out.end(), change.add.begin(), change.add.end());
        std::sort(out.begin(), out.end());
        return out;
    }

    GraphResult<std::vector<const Revision*>> path(const std::vector<std::string>& heads) const {
        return path(heads, result_.target);
    }

    /// The revisions this run's direction applies from `heads` to `target`.
    GraphResult<std::vector<const Revision*>> path(const std::vector<std::string>& heads,
                                                   const std::vector<std::string>& target) const {
        return dir_ == Direction::Upgrade ? graph_.upgrade_path(heads, target)
                                          : graph_.downgrade_path(heads, target);
    }

    std::optional<std::vector<std::string>> read_heads() {
        auto heads = table_.heads(conn_, diags_);
        if (!heads) return std::nullopt;
        for (const auto& h : *heads) {
            if (!graph_.find(h)) {
                diags_.error(Category::MigrationFile, unknown_revision_message(h, migrations_dir_),
                             {}, unknown_revision_hint());
                return std::nullopt;
            }
        }
        return heads;
    }

    /// False (after reporting) if a revision applied to the database was edited since:
    /// its file's checksum differs from the one recorded in the version table's log.
    bool applied_unedited() {
        auto stored = table_.checksums(conn_, diags_);
        return stored && migrate::applied_unedited(graph_, *stored, to_string(dir_), diags_);
    }

    /// False (after reporting) if one of `revs`, about to be applied, differs from
    /// autogen.sum (not checked when the caller gave no sum: library use).
    bool as_recorded(const std::vector<const Revision*>& revs) {
        if (!sums_) return true;
        std::vector<const Revision*> todo;
        for (const Revision* rev : revs) {
            if (!verified_.count(rev->id)) todo.push_back(rev);
        }
        if (!pending_as_recorded(todo, *sums_, diags_)) return false;
        for (const Revision* rev : todo) verified_.insert(rev->id);
        return true;
    }

    RunResult usage_error(const GraphError& e) {
        diags_.error(Category::Usage, e.message(), {}, {});
        return std::move(result_);
    }

    RunResult abandon() {
        conn_.rollback(diags_);
        return std::move(result_);
    }

    /// The one report for a connection lost while `rev` ran (the statement at `where`
    /// when known; `ran`: the file lines of statements of a no-transaction section that
    /// completed before it).
    void report_lost(const Revision& rev, const Section& section, const std::string& why,
                     const support::SourceLocation& where, const std::vector<unsigned>& ran) {
        std::string again = std::string("run `autogen ") + to_string(dir_) +
                            "` again once the database is reachable";
        std::string hint;
        if (!section.no_transaction) {
            hint = "nothing of revision " + rev.id +
                   " was kept: it ran in a transaction, which the server rolled " +
                   "back with the session (revisions before it stay applied); " + again;
        } else {
            std::string lines;
            for (unsigned line : ran) lines += (lines.empty() ? "" : ", ") + std::to_string(line);
            hint = "the section ran outside a transaction (-- autogen: no-transaction): " +
                   (ran.empty()
                        ? std::string("no statement of it had completed")
                        : "the statements at line(s) " + lines + " completed and stay applied") +
                   ", the one at line " + std::to_string(where.line) + " may or may not have; " +
                   again +
                   ": it resumes there (what that statement left, such as an INVALID index, "
                   "is found and dealt with)";
        }
        diags_.error(Category::Database,
                     "the connection to the database was lost while revision " + rev.id + " (" +
                         rev.message + ") ran at " + to_string(dir_) + ": " + why,
                     where, hint);
    }

    /// What the progress line says while a revision runs.
    const char* step_name() const { return dir_ == Direction::Upgrade ? "applying" : "reverting"; }

    static std::string short_id(const std::string& id) { return id.substr(0, 12); }

    /// The tables the section rebuilds, with the file line of each rebuild's comment
    /// (`-- rebuild table "NAME" ...`, written by the SQLite planner above the statements).
    static std::vector<std::pair<unsigned, std::string>> rebuilds(const Section& section) {
        static const std::string kMark = "-- rebuild table \"";
        std::vector<std::pair<unsigned, std::string>> out;
        unsigned line = section.first_line;
        std::size_t start = 0;
        while (start <= section.sql.size()) {
            std::size_t end = section.sql.find('\n', start);
            if (end == std::string::npos) end = section.sql.size();
            std::string_view text(section.sql.data() + start, end - start);
            const auto first = text.find_first_not_of(" \t");
            if (first != std::string_view::npos && text.substr(first, kMark.size()) == kMark) {
                auto name = text.substr(first + kMark.size());
                out.emplace_back(line, std::string(name.substr(0, name.find('"'))));
            }
            start = end + 1;
            ++line;
        }
        return out;
    }

    /// Runs the section's statements; on failure reports the revision, file:line and
    /// statement. `resume`: the section runs outside a transaction and each completed
    /// statement is recorded in the step log; what an earlier run recorded is skipped,
    /// and the statement it stopped in is first asked what it left behind.
    bool run_sql(const Revision& rev, const Section& section,
                 const SectionProgress* resume = nullptr, bool may_retry = false) {
        std::vector<unsigned> ran;
        bool first_pending = resume && resume->started;
        std::map<std::string, unsigned> occurrences;  // equal statements told apart
        const auto rebuilt =
            progress_ ? rebuilds(section) : std::vector<std::pair<unsigned, std::string>>{};
        std::size_t next_rebuild = 0;
        for (const auto& stmt : split_statements(section.sql, section.first_line)) {
            // The first statement below a rebuild comment starts that table's rebuild.
            while (next_rebuild < rebuilt.size() && rebuilt[next_rebuild].first < stmt.line) {
                ++next_rebuild;
                support::report(progress_, {"rebuilding", next_rebuild, rebuilt.size(),
                                            "table " + rebuilt[next_rebuild - 1].second + " (" +
                                                short_id(rev.id) + ")"});
            }
            const std::string key =
                resume ? statement_key(stmt.sql, ++occurrences[stmt.sql]) : std::string();
            if (resume && resume->done.count(key)) {
                ran.push_back(stmt.line);
                continue;
            }
            if (first_pending) {
                first_pending = false;
                auto done = settle_leftover(rev, stmt.sql, key, stmt.line);
                if (!done) return false;
                if (*done) {
                    ran.push_back(stmt.line);
                    continue;
                }
            }
            support::Diagnostics local;
            bool done = conn_.execute(stmt.sql, local);
            // Outside a transaction the statement alone is tried again.
            for (int attempt = 0; !done && resume && attempt < lock_retries_ &&
                                  conn_.last_failure_was_lock_timeout();
                 ++attempt) {
                wait_after_lock_timeout(rev, stmt.line, attempt);
                local = {};
                done = conn_.execute(stmt.sql, local);
            }
            if (!done && may_retry && conn_.last_failure_was_lock_timeout()) {
                retry_pending_ = true;
                return false;
            }
            if (done) {
                ran.push_back(stmt.line);
                if (resume && !steps_.mark(conn_, rev.id, dir_, key, stmt.line, local)) {
                    diags_.absorb(std::move(local));
                    diags_.error(Category::Database,
                                 "cannot record in " + steps_.name() + " that the statement at " +
                                     rev.path.string() + ":" + std::to_string(stmt.line) +
                                     " completed",
                                 {rev.path.string(), stmt.line, 0},
                                 "the statement stays done; the next run asks the database "
                                 "whether it is, then goes on");
                    return false;
                }
                continue;
            }
            if (conn_.lost()) {
                report_lost(rev, section, database_message(local),
                            {rev.path.string(), stmt.line, 0}, ran);
                return false;
            }
            // Where the database points within the statement (PostgreSQL gives a
            // position), the file line is that line; else the statement's first line.
            support::SourceLocation where{rev.path.string(), stmt.line, 0};
            for (const auto& item : local.items()) {
                if (item.severity != support::Severity::Error || item.location.line == 0) continue;
                where.line = stmt.line + item.location.line - 1;
                where.column = item.location.column;
                break;
            }
            const bool timed_out = conn_.last_failure_was_lock_timeout();
            std::string hint = failure_hint(rev, section.no_transaction);
            // The blockers go in the error itself: a note would only show with --verbose.
            std::string holders;
            if (timed_out) {
                if (!section.no_transaction) conn_.rollback(diags_);  // to read the catalogs
                holders =
                    "\n  the sessions holding table locks when it gave up:" + lock_holder_list();
                hint = "it waited longer than lock_timeout behind the session(s) named above, " +
                       std::to_string(lock_retries_ + 1) +
                       " time(s); end them or wait until they are done, then run again (" + hint +
                       ")";
            }
            diags_.error(Category::Database,
                         "revision " + rev.id + " (" + rev.message + ") failed at " +
                             to_string(dir_) + ": " + database_message(local) +
                             "\n  statement: " + excerpt(stmt.sql) + holders,
                         where, hint);
            return false;
        }
        return true;
    }

    /// A note that a statement of `rev` was cancelled by lock_timeout, naming whom it
    /// waited behind, then the pause before try `attempt` + 2.
    void wait_after_lock_timeout(const Revision& rev, unsigned line, int attempt) {
        double seconds = lock_retry_delay_;
        for (int i = 0; i < attempt && seconds < 60; ++i) seconds *= 2;
        if (seconds > 60) seconds = 60;
        char shown[32];
        std::snprintf(shown, sizeof shown, "%g", seconds);
        // A warning, not a note: the run stalls for seconds and the user should see why.
        diags_.warning(Category::Database,
                       "revision " + rev.id + " waited longer than lock_timeout (try " +
                           std::to_string(attempt + 1) + " of " +
                           std::to_string(lock_retries_ + 1) + "); trying again in " + shown +
                           " s; the sessions holding table locks:" + lock_holder_list(),
                       {rev.path.string(), line, 0});
        std::this_thread::sleep_for(std::chrono::duration<double>(seconds));
    }

    /// The sessions holding table locks (Connection::lock_holders), one indented line
    /// each, or " none found".
    std::string lock_holder_list() {
        support::Diagnostics quiet;  // a catalog that cannot be read names nobody
        std::string list;
        for (const auto& holder : conn_.lock_holders(quiet)) list += "\n    " + holder;
        return list.empty() ? " none found" : list;
    }

    /// Before a no-transaction section: the step log, and what an earlier run of this
    /// section recorded (nothing on a first run, which is then marked as started).
    std::optional<SectionProgress> start_outside_transaction(const Revision& rev) {
        if (!steps_.ensure(conn_, diags_)) return std::nullopt;
        auto progress = steps_.read(conn_, rev.id, dir_, diags_);
        if (!progress) return std::nullopt;
        if (progress->started) {
            // Warnings: the user should see that an earlier run stopped half-way.
            diags_.warning(Category::Database,
                           "resuming revision " + rev.id + "'s " + to_string(dir_) +
                               " section: " + std::to_string(progress->done.size()) +
                               " statement(s) completed by an earlier run are skipped",
                           {rev.path.string()});
        } else if (!steps_.mark(conn_, rev.id, dir_, "", 0, diags_)) {
            return std::nullopt;
        }
        return progress;
    }

    /// The statement an earlier run stopped in: done already (true: skip it), or not
    /// (false: run it, after removing a broken half such as an INVALID index).
    std::optional<bool> settle_leftover(const Revision& rev, const std::string& sql,
                                        const std::string& key, unsigned line) {
        auto leftover = conn_.leftover_of(sql, diags_);
        if (!leftover) return std::nullopt;
        const support::SourceLocation at{rev.path.string(), line, 0};
        switch (leftover->state) {
            case db::Leftover::State::Unknown:
                return false;
            case db::Leftover::State::Done:
                diags_.note(Category::Database,
                            "the statement an earlier run stopped in completed (" + leftover->what +
                                "): not run again",
                            at);
                return steps_.mark(conn_, rev.id, dir_, key, line, diags_)
                           ? std::optional<bool>(true)
                           : std::nullopt;
            case db::Leftover::State::Broken:
                diags_.warning(Category::Database,
                               leftover->what + ": removed (" + leftover->cleanup +
                                   "), then the statement runs again",
                               at);
                if (!conn_.execute(leftover->cleanup, diags_)) return std::nullopt;
                return false;
        }
        return false;
    }

    bool record(const Revision& rev, const std::vector<std::string>& heads,
                support::Diagnostics& diags) {
        auto change = graph_.head_change(rev, dir_, heads);
        std::vector<std::string> checksums;
        for (const auto& id : change.add) checksums.push_back(graph_.find(id)->checksum);
        return table_.move(conn_, change.remove, change.add, checksums, diags) &&
               table_.log(conn_, rev.id, rev.checksum, dir_, diags);
    }

    /// Applies `rev` (a transaction is open) and commits; false after reporting.
    bool step(const Revision& rev, const std::vector<std::string>& heads) {
        // A plan recomputed after another migrator moved the table may hold revisions
        // the up-front check did not see.
        if (dir_ == Direction::Upgrade && !as_recorded({&rev})) {
            conn_.rollback(diags_);
            return false;
        }
        const Section* section = rev.section(dir_, dialect_);
        if (!section) {
            conn_.rollback(diags_);
            diags_.error(Category::MigrationFile,
                         "revision " + rev.id + " has no \"-- +" + to_string(dir_) + " " +
                             dialect_ + "\" section",
                         {rev.path.string()},
                         "add that section with the SQL for " + dialect_ + " (it may be empty)");
            return false;
        }
        std::vector<std::string> heads_now = heads;
        if (section->no_transaction) {
            // Outside any transaction (CREATE INDEX CONCURRENTLY cannot run in one);
            // the version change then gets a transaction of its own.
            conn_.rollback(diags_);
            auto resume = start_outside_transaction(rev);
            if (!resume || !run_sql(rev, *section, &*resume)) return false;
            if (!conn_.begin(diags_)) return false;
            if (!table_.lock(conn_, diags_)) {
                conn_.rollback(diags_);
                return false;
            }
            auto again = read_heads();
            if (!again) {
                conn_.rollback(diags_);
                return false;
            }
            auto todo = path(*again);
            if (!todo || todo.value.empty() || todo.value.front() != &rev) {
                conn_.rollback(diags_);
                diags_.error(Category::Database,
                             "the version table moved while revision " + rev.id +
                                 " ran outside a transaction",
                             {},
                             "another migrator ran at the same time; check `autogen current` and "
                             "the schema");
                return false;
            }
            heads_now = *again;
        } else {
            for (int attempt = 0;; ++attempt) {
                retry_pending_ = false;
                if (run_sql(rev, *section, nullptr, attempt < lock_retries_)) break;
                conn_.rollback(diags_);
                if (!retry_pending_) return false;
                // The revision's transaction is gone with the cancelled statement: it
                // runs again from its start (the migration lock keeps others out).
                wait_after_lock_timeout(rev, section->first_line, attempt);
                if (!conn_.begin(diags_) || !table_.lock(conn_, diags_)) {
                    conn_.rollback(diags_);
                    return false;
                }
            }
        }
        support::Diagnostics local;
        if (!record(rev, heads_now, local) ||
            (section->no_transaction && !steps_.clear(conn_, rev.id, local))) {
            if (conn_.lost()) {
                report_lost(rev, *section, database_message(local), {rev.path.string()}, {});
                return false;
            }
            diags_.absorb(std::move(local));
            conn_.rollback(diags_);
            return false;
        }
        if (!conn_.commit(local)) {
            if (conn_.lost()) {
                // The COMMIT may have reached the server before the connection went.
                diags_.error(
                    Category::Database,
                    "the connection to the database was lost at the commit of revision " + rev.id +
                        " (" + rev.message + "): " + database_message(local),
                    {rev.path.string()},
                    std::string(
                        "whether the revision was kept is unknown: check with `autogen current` "
                        "once the database is reachable, then run `autogen ") +
                        to_string(dir_) + "` again");
                return false;
            }
            diags_.absorb(std::move(local));
            diags_.error(Category::Database, "revision " + rev.id + " was rolled back at commit",
                         {rev.path.string()},
                         "see the error above; fix the revision file and run again");
            return false;
        }
        result_.applied.push_back({rev.id, rev.message, rev.path, dir_, section->no_transaction});
        return true;
    }

    /// What a failed statement left behind, in the run's own direction: an upgrade keeps
    /// the revisions applied before it, a downgrade the ones it already reverted.
    std::string failure_hint(const Revision& rev, bool no_transaction) const {
        const bool up = dir_ == Direction::Upgrade;
        const char* section = up ? "upgrade" : "downgrade";
        if (no_transaction)
            return std::string("this ") + section +
                   " section ran outside a transaction (-- autogen: no-transaction): "
                   "the statements before this one stay done and are recorded; fix the cause "
                   "(the data, or this statement in the file) and run again: it resumes at this "
                   "statement";
        if (up)
            return "revision " + rev.id +
                   " was rolled back (earlier revisions stay applied); fix "
                   "the statement in the revision file and run again";
        return "revision " + rev.id + "'s downgrade was rolled back: the database stays at " +
               rev.id +
               " (revisions reverted before it stay reverted); fix the statement in its downgrade "
               "section "
               "and run again";
    }

    db::Connection& conn_;
    const RevisionGraph& graph_;
    Direction dir_;
    VersionTable table_;
    StepLog steps_;
    std::string dialect_;
    std::string migrations_dir_;
    bool allow_edited_;
    const std::optional<RecordedSums>& sums_;
    std::set<std::string> verified_;  ///< revisions found as autogen.sum records them
    const db::LockWait& lock_wait_;
    int lock_retries_;
    double lock_retry_delay_;
    /// run_sql stopped at a statement cancelled by lock_timeout that may be retried
    /// (nothing reported): the caller rolls back, waits and runs the revision again.
    bool retry_pending_ = false;
    const support::ProgressCallback& progress_;
    support::Diagnostics& diags_;
    RunResult result_;
};

}  // namespace

RunResult upgrade(db::Connection& conn, const RevisionGraph& graph, std::string_view target,
                  const RunOptions& options, support::Diagnostics& diags) {
    return Run(conn, graph, Direction::Upgrade, options, diags).go(target);
}

RunResult downgrade(db::Connection& conn, const RevisionGraph& graph, std::string_view target,
                    const RunOptions& options, support::Diagnostics& diags) {
    return Run(conn, graph, Direction::Downgrade, options, diags).go(target);
}

RunResult stamp(db::Connection& conn, const RevisionGraph& graph, std::string_view target,
                const RunOptions& options, support::Diagnostics& diags) {
    RunResult result;
    VersionTable table(options.version_table);
    auto read = [&]() -> std::optional<std::vector<std::string>> {
        return table.heads(conn, diags);
    };
    MigrationLock lock(conn, table.name(), options.lock_wait, diags);
    if (!lock.held() || !table.ensure(conn, diags) || !conn.begin(diags)) return result;
    auto fail = [&]() {
        conn.rollback(diags);
        return result;
    };
    if (!table.lock(conn, diags)) return fail();
    auto heads = read();
    if (!heads) return fail();
    result.heads_before = *heads;
    auto resolved = graph.resolve(target, *heads);
    if (!resolved) {
        diags.error(Category::Usage, resolved.error->message());
        return fail();
    }
    result.target = resolved.value;
    // Rows that stay are left alone; the others move (the one writer, one row each).
    std::vector<std::string> remove, add, checksums;
    for (const auto& h : *heads) {
        if (std::find(resolved.value.begin(), resolved.value.end(), h) == resolved.value.end())
            remove.push_back(h);
    }
    for (const auto& t : resolved.value) {
        if (std::find(heads->begin(), heads->end(), t) == heads->end()) {
            add.push_back(t);
            checksums.push_back(graph.find(t)->checksum);
        }
    }
    // The log below records today's checksum of every revision newly counted as applied:
    // each must be as autogen.sum records it, or an unreviewed edit would pass as applied.
    const auto below_before = graph.ancestors_or_self(*heads),
               below_after = graph.ancestors_or_self(resolved.value);
    if (options.sums) {
        std::vector<const Revision*> newly;
        for (const auto& id : below_after) {
            if (!below_before.count(id)) newly.push_back(graph.find(id));
        }
        if (!pending_as_recorded(newly, *options.sums, diags)) return fail();
    }
    if (!table.move(conn, remove, add, checksums, diags)) return fail();
    // The log follows: revisions now below the target count as applied (with the file's
    // checksum of today, so a later edit is noticed); those no longer below it are not.
    for (const auto& id : below_before) {
        if (!below_after.count(id) && !table.log(conn, id, "", Direction::Downgrade, diags))
            return fail();
    }
    for (const auto& id : below_after) {
        if (!below_before.count(id) &&
            !table.log(conn, id, graph.find(id)->checksum, Direction::Upgrade, diags))
            return fail();
    }
    // A revision stamped across is settled: what a run left half-done of it no longer
    // describes the database, and must not be skipped by a later run.
    // One catalog question for the whole stamp, not one per revision.
    const StepLog steps(options.version_table);
    auto has_steps = conn.has_table(steps.name(), diags);
    if (!has_steps) return fail();
    if (*has_steps)
        for (const auto* side : {&below_before, &below_after})
            for (const auto& id : *side)
                if (below_before.count(id) != below_after.count(id) &&
                    !steps.clear(conn, id, diags))
                    return fail();
    if (!conn.commit(diags)) return result;
    auto after = read();
    if (!after) return result;
    result.heads_after = *after;
    result.ok = true;
    return result;
}

std::optional<std::vector<std::string>> current(db::Connection& conn,
                                                const std::string& version_table,
                                                support::Diagnostics& diags) {
    VersionTable table(version_table);
    auto exists = table.exists(conn, diags);
    if (!exists) return std::nullopt;
    if (!*exists) return std::vector<std::string>{};
    return table.heads(conn, diags);
}

}  // namespace autogen::migrate
