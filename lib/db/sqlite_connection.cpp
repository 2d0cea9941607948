// db::Connection over the sqlite3 C API.
#include "db/sqlite_connection.hpp"

#include <sqlite3.h>

#include <chrono>
#include <cstring>
#include <filesystem>
#include <thread>

#include "support/text.hpp"

namespace autogen::db {

namespace {

using support::Category;

class SqliteConnection final : public Connection {
  public:
    SqliteConnection(sqlite3* db, std::string path, int busy_timeout_ms)
        : db_(db), path_(std::move(path)), busy_timeout_ms_(busy_timeout_ms) {}
    ~SqliteConnection() override { sqlite3_close_v2(db_); }
    SqliteConnection(const SqliteConnection&) = delete;
    SqliteConnection& operator=(const SqliteConnection&) = delete;

    std::string dialect() const override { return "sqlite"; }

    bool execute(std::string_view sql, Diagnostics& diags) override {
        // Step through the statements one by one so an error names the one that failed.
        std::string text(sql);
        const char* tail = text.c_str();
        while (tail && *tail) {
            sqlite3_stmt* stmt = nullptr;
            const char* start = tail;
            if (sqlite3_prepare_v2(db_, tail, -1, &stmt, &tail) != SQLITE_OK) {
                fail(diags,
                     std::string(start, tail && tail > start ? tail : start + std::strlen(start)));
                return false;
            }
            if (!stmt) continue;  // whitespace or a comment only
            int rc;
            while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
            }
            if (rc != SQLITE_DONE) {
                std::string failed = sqlite3_sql(stmt) ? sqlite3_sql(stmt) : "";
                sqlite3_finalize(stmt);
                fail(diags, failed);
                return false;
            }
            sqlite3_finalize(stmt);
        }
        return true;
    }

    std::optional<QueryResult> query(std::string_view sql,
                                     const std::vector<std::optional<std::string>>& params,
                                     Diagnostics& diags) override {
        QueryResult result;
        auto on_row = [&](RowView cells) {
            Row& row = result.rows.emplace_back();
            row.reserve(cells.size());
            for (const auto& c : cells) row.emplace_back(c);
        };
        if (!step_rows(sql, params, &result.columns, on_row, diags)) return std::nullopt;
        return result;
    }

    bool for_each_row(std::string_view sql, const std::vector<std::optional<std::string>>& params,
                      const std::function<void(RowView)>& on_row, Diagnostics& diags) override {
        return step_rows(sql, params, nullptr, on_row, diags);
    }

    std::optional<bool> has_table(std::string_view name, Diagnostics& diags) override {
        // SQLite compares identifiers without regard to ASCII case.
        auto rows =
            query("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?1 COLLATE NOCASE",
                  {std::string(name)}, diags);
        if (!rows) return std::nullopt;
        return !rows->rows.empty();
    }

    bool begin(Diagnostics& diags) override {
        // PRAGMA foreign_keys is a no-op inside a transaction, so it is switched here.
        return execute("PRAGMA foreign_keys = OFF", diags) && execute("BEGIN IMMEDIATE", diags);
    }

    bool commit(Diagnostics& diags) override {
        auto broken = query("PRAGMA foreign_key_check", {}, diags);
        if (!broken) {
            rollback(diags);
            return false;
        }
        if (!broken->rows.empty()) {
            const Row& r = broken->rows.front();
            auto cell = [&](std::size_t i) {
                return i < r.size() && r[i] ? *r[i] : std::string("?");
            };
            diags.error(
                Category::Database,
                "SQLite (" + path_ + "): " + std::to_string(broken->rows.size()) +
                    " row(s) break a foreign key, first: table \"" + cell(0) + "\" rowid " +
                    cell(1) + " references missing row in \"" + cell(2) + "\"",
                {}, "the transaction was rolled back; fix the data or the revision and run again");
            rollback(diags);
            return false;
        }
        bool ok = execute("COMMIT", diags);
        if (!ok) rollback(diags);
        return execute("PRAGMA foreign_keys = ON", diags) && ok;
    }

    bool rollback(Diagnostics& diags) override {
        bool ok = sqlite3_get_autocommit(db_) ? true : execute("ROLLBACK", diags);
        return execute("PRAGMA foreign_keys = ON", diags) && ok;
    }

    // BEGIN IMMEDIATE already makes a second migrator wait for the first one's
    // transaction (SQLite has no session-level lock to add); the run's waits for the
    // file's lock follow `wait` through a busy handler instead of the fixed timeout.
    bool lock_migrations(std::string_view, const LockWait& wait, Diagnostics&) override {
        wait_ = wait;
        sqlite3_busy_handler(db_, &SqliteConnection::on_busy, this);
        return true;
    }
    void unlock_migrations(std::string_view, Diagnostics&) override {
        wait_.reset();
        sqlite3_busy_timeout(db_, busy_timeout_ms_);  // the one the connection was opened with
    }

    bool lost() const override { return false; }

  private:
    /// Prepares `sql`, binds `params` (text, or NULL), stores the result's column names in
    /// `columns` (when given) and hands every row to `on_row`: cells point into SQLite's
    /// row, so nothing is copied that the caller does not keep.
    bool step_rows(std::string_view sql, const std::vector<std::optional<std::string>>& params,
                   std::vector<std::string>* columns, const std::function<void(RowView)>& on_row,
                   Diagnostics& diags) {
        sqlite3_stmt* stmt = nullptr;
        if (sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), &stmt, nullptr) !=
            SQLITE_OK) {
            fail(diags, std::string(sql));
            return false;
        }
        for (std::size_t i = 0; i < params.size(); ++i) {
            int idx = static_cast<int>(i + 1);
            if (params[i]) {
                sqlite3_bind_text(stmt, idx, params[i]->c_str(),
                                  static_cast<int>(params[i]->size()), SQLITE_TRANSIENT);
            } else {
                sqlite3_bind_null(stmt, idx);
            }
        }
        const int ncol = sqlite3_column_count(stmt);
        if (columns)
            for (int c = 0; c < ncol; ++c) columns->emplace_back(sqlite3_column_name(stmt, c));
        std::vector<std::optional<std::string_view>> cells(static_cast<std::size_t>(ncol));
        int rc;
        while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
            for (int c = 0; c < ncol; ++c) {
                auto& cell = cells[static_cast<std::size_t>(c)];
                if (sqlite3_column_type(stmt, c) == SQLITE_NULL) {
                    cell.reset();
                } else {
                    const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt, c));
                    cell.emplace(text, static_cast<std::size_t>(sqlite3_column_bytes(stmt, c)));
                }
            }
            on_row(cells);
        }
        sqlite3_finalize(stmt);
        if (rc != SQLITE_DONE) {
            fail(diags, std::string(sql));
            return false;
        }
        return true;
    }

    /// The busy handler while a run holds lock_migrations: waits `wait_` allows, telling
    /// on_wait once who holds the lock (another process: SQLite cannot say which).
    static int on_busy(void* self, int count) {
        auto& c = *static_cast<SqliteConnection*>(self);
        const auto now = std::chrono::steady_clock::now();
        if (count == 0) {
            c.busy_since_ = now;
            c.told_ = false;
        }
        const double waited = std::chrono::duration<double>(now - c.busy_since_).count();
        // Told before giving up, so a wait is always explained even when the process was
        // not scheduled between the quiet time and the timeout.
        if (!c.told_ && waited >= c.wait_->quiet_seconds) {
            c.told_ = true;
            if (c.wait_->on_wait) {
                c.wait_->on_wait(
                    "waiting for the SQLite database file " + c.path_ +
                    ": another process holds its write lock (another migrator, or a program with a "
                    "write transaction open); giving up after " +
                    support::seconds(c.wait_->timeout_seconds));
            }
        }
        if (waited >= c.wait_->timeout_seconds) {
            c.gave_up_ = true;
            return 0;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
        return 1;
    }

    void fail(Diagnostics& diags, const std::string& statement) {
        std::string stmt = statement;
        while (!stmt.empty() && (stmt.back() == '\n' || stmt.back() == ' ')) stmt.pop_back();
        if (gave_up_ && (sqlite3_errcode(db_) & 0xff) == SQLITE_BUSY) {
            gave_up_ = false;
            diags.error(
                Category::Database,
                "gave up waiting for the SQLite database file " + path_ + " after " +
                    support::seconds(wait_->timeout_seconds) +
                    ": another process holds its write lock (another migrator, or a program with a "
                    "write transaction open)",
                {},
                "wait for that process to finish, or stop it (`fuser " + path_ +
                    "` names it); wait longer with --lock-timeout SECONDS or [migrations] "
                    "lock_timeout");
            return;
        }
        gave_up_ = false;
        diags.error(
            Category::Database,
            "SQLite (" + path_ + ") refused: " + sqlite3_errmsg(db_) + "\n  statement: " + stmt, {},
            "check the statement above; nothing of the failing transaction was kept");
    }

    sqlite3* db_;
    std::string path_;
    int busy_timeout_ms_;
    std::optional<LockWait> wait_;  ///< while a run holds lock_migrations
    std::chrono::steady_clock::time_point busy_since_;
    bool told_ = false;     ///< on_wait was told during the current wait
    bool gave_up_ = false;  ///< the busy handler gave up: the next SQLITE_BUSY is a timeout
};

}  // namespace

std::string sqlite_library_version() { return std::string("SQLite ") + sqlite3_libversion(); }

std::unique_ptr<Connection> open_sqlite(const std::string& path, Diagnostics& diags,
                                        const SqliteOpenOptions& options) {
    const bool read_only = options.access == Access::ReadOnly;
    const bool file = path != ":memory:";
    if (file && read_only) {
        std::error_code ec;
        if (!std::filesystem::exists(path, ec)) {
            diags.error(
                Category::Database, "SQLite database " + path + " does not exist", {},
                "check the database URL ([database] url, DATABASE_URL or --url), or run "
                "'autogen upgrade head' to create it; this command only reads and creates nothing");
            return nullptr;
        }
    } else if (file) {
        std::error_code ec;
        auto parent = std::filesystem::path(path).parent_path();
        if (!parent.empty()) std::filesystem::create_directories(parent, ec);
    }
    sqlite3* db = nullptr;
    // NOMUTEX: a Connection is used by one thread at a time (run_in_scratch gives each
    // thread its own), so SQLite's per-call connection mutex only costs: a lock and an
    // unlock for every cell read (a third of the inspector's time on 1,000 tables).
    const int flags =
        (read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) |
        SQLITE_OPEN_NOMUTEX;
    int rc = sqlite3_open_v2(path.c_str(), &db, flags, nullptr);
    if (rc != SQLITE_OK) {
        std::string msg = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
        sqlite3_close_v2(db);
        diags.error(Category::Database, "cannot open SQLite database " + path + ": " + msg, {},
                    read_only
                        ? "check the path and its permissions, or fix the database URL"
                        : "check that the folder exists and is writable, or fix [database] url");
        return nullptr;
    }
    sqlite3_busy_timeout(db, options.busy_timeout_ms);
    // sqlite3_open_v2 reads nothing: a file of random bytes or a database locked by
    // another process only fails at the first read. Read the catalog now, so every
    // command gets the cause instead of treating the database as empty.
    sqlite3_stmt* probe = nullptr;
    rc = sqlite3_prepare_v2(db, "SELECT count(*) FROM sqlite_master", -1, &probe, nullptr);
    if (rc == SQLITE_OK) rc = sqlite3_step(probe) == SQLITE_ROW ? SQLITE_OK : sqlite3_errcode(db);
    sqlite3_finalize(probe);
    if (rc != SQLITE_OK) {
        std::string msg = sqlite3_errmsg(db);
        const int primary = rc & 0xff;
        sqlite3_close_v2(db);
        std::string hint =
            primary == SQLITE_NOTADB
                ? "the file is not a SQLite database: check the database URL ([database] url, "
                  "DATABASE_URL or --url)"
            : primary == SQLITE_BUSY || primary == SQLITE_LOCKED
                ? "another process holds a lock on it (waited " +
                      std::to_string(options.busy_timeout_ms / 1000) +
                      " s): run again when it has finished"
                : "check the file and its permissions";
        diags.error(Category::Database, "cannot read SQLite database " + path + ": " + msg, {},
                    hint);
        return nullptr;
    }
    auto conn = std::make_unique<SqliteConnection>(db, path, options.busy_timeout_ms);
    if (!conn->execute("PRAGMA foreign_keys = ON", diags)) return nullptr;
    return conn;
}

}  // namespace autogen::db
