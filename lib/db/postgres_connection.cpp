// db::Connection over libpq: statements through the simple query protocol (several per
// call), queries through PQexecParams with text parameters, errors turned into
// Database diagnostics carrying the server's message, SQLSTATE, DETAIL, HINT and the
// position of the error within the statement.
#include "db/postgres_connection.hpp"

#include <libpq-fe.h>
#include <unistd.h>

#include <chrono>
#include <cstdint>
#include <random>
#include <thread>

#include "db/postgres_leftovers.hpp"
#include "support/printable_text.hpp"
#include "support/text.hpp"

namespace autogen::db {

namespace {

using support::Category;

/// How long connecting may take before we give up (unless the URL says otherwise).
constexpr const char* kConnectTimeoutSeconds = "10";

/// A statement for a message: whole, unless it is very long.
std::string excerpt(std::string_view sql) {
    constexpr std::size_t kMax = 2000;
    while (!sql.empty() && (sql.back() == '\n' || sql.back() == ' ' || sql.back() == ';'))
        sql.remove_suffix(1);
    while (!sql.empty() && (sql.front() == '\n' || sql.front() == ' ')) sql.remove_prefix(1);
    return sql.size() <= kMax ? std::string(sql) : std::string(sql.substr(0, kMax)) + " ...";
}

/// 1-based line and column of the `position`-th character (1-based, counted in
/// characters as the server counts them, not bytes) of `sql`.
support::SourceLocation position_in(std::string_view sql, long position) {
    support::SourceLocation at;
    at.line = 1;
    at.column = 1;
    long chars = 1;
    for (std::size_t i = 0; i < sql.size() && chars < position; ++i) {
        auto byte = static_cast<unsigned char>(sql[i]);
        if ((byte & 0xC0) == 0x80) continue;  // a UTF-8 continuation byte
        ++chars;
        if (byte == '\n') {
            ++at.line;
            at.column = 1;
        } else {
            ++at.column;
        }
    }
    return at;
}

/// The text of line `line` (1-based) of `sql`.
std::string line_of(std::string_view sql, unsigned line) {
    std::size_t start = 0;
    for (unsigned l = 1; l < line && start != std::string_view::npos; ++l) {
        start = sql.find('\n', start);
        if (start != std::string_view::npos) ++start;
    }
    if (start == std::string_view::npos || start > sql.size()) return {};
    auto end = sql.find('\n', start);
    return std::string(sql.substr(start, end == std::string_view::npos ? sql.npos : end - start));
}

/// Owns a PGresult.
struct ResultDeleter {
    void operator()(PGresult* r) const { PQclear(r); }
};
using Result = std::unique_ptr<PGresult, ResultDeleter>;

class PostgresConnection : public Connection {
  public:
    PostgresConnection(PGconn* conn, std::string where) : conn_(conn), where_(std::move(where)) {
        // Notices ("relation already exists, skipping") are not the user's business.
        PQsetNoticeProcessor(
            conn_, [](void*, const char*) {}, nullptr);
    }
    ~PostgresConnection() override { PQfinish(conn_); }
    PostgresConnection(const PostgresConnection&) = delete;
    PostgresConnection& operator=(const PostgresConnection&) = delete;

    std::string dialect() const override { return "postgresql"; }

    bool execute(std::string_view sql, Diagnostics& diags) override {
        lock_timeout_ = false;
        std::string text(sql);
        if (!PQsendQuery(conn_, text.c_str())) {
            fail(diags, nullptr, sql);
            return false;
        }
        // One result per statement; the first error ends the batch (the server skips
        // the rest), but every result must be read before the connection is usable.
        Result error;
        std::size_t done = 0;
        while (PGresult* raw = PQgetResult(conn_)) {
            Result r(raw);
            auto status = PQresultStatus(raw);
            if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK ||
                status == PGRES_EMPTY_QUERY) {
                ++done;
            } else if (!error) {
                error = std::move(r);
            }
        }
        if (error) {
            fail(diags, error.get(), sql, done);
            return false;
        }
        return true;
    }

    std::optional<QueryResult> query(std::string_view sql,
                                     const std::vector<std::optional<std::string>>& params,
                                     Diagnostics& diags) override {
        lock_timeout_ = false;
        std::string text(sql);
        std::vector<const char*> values;
        values.reserve(params.size());
        for (const auto& p : params) values.push_back(p ? p->c_str() : nullptr);
        Result r(PQexecParams(conn_, text.c_str(), static_cast<int>(params.size()), nullptr,
                              values.data(), nullptr, nullptr, 0));
        auto status = r ? PQresultStatus(r.get()) : PGRES_FATAL_ERROR;
        if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK) {
            fail(diags, r.get(), sql);
            return std::nullopt;
        }
        QueryResult out;
        int ncol = PQnfields(r.get());
        int nrow = PQntuples(r.get());
        for (int c = 0; c < ncol; ++c) out.columns.emplace_back(PQfname(r.get(), c));
        out.rows.reserve(static_cast<std::size_t>(nrow));
        for (int i = 0; i < nrow; ++i) {
            Row row;
            row.reserve(static_cast<std::size_t>(ncol));
            for (int c = 0; c < ncol; ++c) {
                if (PQgetisnull(r.get(), i, c)) {
                    row.emplace_back(std::nullopt);
                } else {
                    row.emplace_back(
                        std::string(PQgetvalue(r.get(), i, c),
                                    static_cast<std::size_t>(PQgetlength(r.get(), i, c))));
                }
            }
            out.rows.push_back(std::move(row));
        }
        return out;
    }

    std::optional<bool> has_table(std::string_view name, Diagnostics& diags) override {
        // Where an unqualified name resolves: the schemas of the search path. The catalog
        // shows a table whatever the privileges on it, so "cannot read" stays an error.
        auto rows = query(
            "SELECT 1 FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = "
            "c.relnamespace "
            "WHERE c.relname = $1 AND c.relkind IN ('r', 'p') AND n.nspname = ANY "
            "(current_schemas(false))",
            {std::string(name)}, diags);
        if (!rows) return std::nullopt;
        return !rows->rows.empty();
    }

    std::optional<Leftover> leftover_of(std::string_view statement, Diagnostics& diags) override {
        return postgres_leftover_of(*this, statement, diags);
    }

    bool last_failure_was_lock_timeout() const override { return lock_timeout_; }

    std::vector<std::string> lock_holders(Diagnostics& diags) override {
        return postgres_lock_holders(*this, diags);
    }

    bool begin(Diagnostics& diags) override { return execute("BEGIN", diags); }

    bool commit(Diagnostics& diags) override {
        // COMMIT of a transaction that already failed "succeeds" with the tag ROLLBACK.
        bool failed_before = PQtransactionStatus(conn_) == PQTRANS_INERROR;
        Result r(PQexec(conn_, "COMMIT"));
        if (!r || PQresultStatus(r.get()) != PGRES_COMMAND_OK) {
            fail(diags, r.get(), "COMMIT");
            return false;
        }
        if (failed_before || std::string_view(PQcmdStatus(r.get())) == "ROLLBACK") {
            diags.error(Category::Database,
                        "PostgreSQL (" + where_ +
                            "): the transaction had failed earlier and was rolled back at COMMIT",
                        {}, "see the error above; nothing of the transaction was kept");
            return false;
        }
        return true;
    }

    bool rollback(Diagnostics& diags) override {
        // On a lost connection the server ended the transaction with the session; a
        // ROLLBACK would only add a second error about the dead connection.
        if (PQtransactionStatus(conn_) == PQTRANS_IDLE || lost()) return true;
        return execute("ROLLBACK", diags);
    }

    bool lock_migrations(std::string_view key, const LockWait& wait, Diagnostics& diags) override {
        // Polled rather than pg_advisory_lock: a blocked call could neither say who holds
        // the lock nor give up (lock_timeout would, but also for every later statement).
        using Clock = std::chrono::steady_clock;
        const std::string k = std::to_string(migration_lock_key(key));
        const auto start = Clock::now();
        std::string holder;
        for (;;) {
            auto got = query("SELECT pg_try_advisory_lock($1::bigint)", {k}, diags);
            if (!got) return false;
            if (!got->rows.empty() && got->rows[0][0] == std::optional<std::string>("t"))
                return true;
            const double waited = std::chrono::duration<double>(Clock::now() - start).count();
            if (waited >= wait.quiet_seconds && holder.empty()) {
                holder = lock_holder(k);
                if (wait.on_wait) {
                    wait.on_wait("waiting for the migration lock (" + std::string(key) + ") on " +
                                 where_ + ", held by " + holder + "; giving up after " +
                                 support::seconds(wait.timeout_seconds));
                }
            }
            if (waited >= wait.timeout_seconds) {
                if (holder.empty()) holder = lock_holder(k);
                diags.error(
                    Category::Database,
                    "gave up waiting for the migration lock (" + std::string(key) + ") on " +
                        where_ + " after " + support::seconds(wait.timeout_seconds) +
                        ": it is held by " + holder,
                    {},
                    "another upgrade, downgrade or stamp runs on this database: wait for it to "
                    "end; if that "
                    "session hangs, end it (SELECT pg_terminate_backend(PID)); wait longer with "
                    "--lock-timeout SECONDS or [migrations] lock_timeout");
                return false;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
        }
    }

    void unlock_migrations(std::string_view key, Diagnostics& diags) override {
        query("SELECT pg_advisory_unlock($1::bigint)", {std::to_string(migration_lock_key(key))},
              diags);
    }

  protected:
    /// The redacted URL (and database), as messages name it.
    const std::string& where() const { return where_; }

    /// Ends the session now (the destructor then has nothing left to do).
    void close() {
        PQfinish(conn_);
        conn_ = nullptr;
    }

    bool lost() const override { return conn_ && PQstatus(conn_) == CONNECTION_BAD; }

  private:
    /// Who holds the advisory lock `key` (its decimal text): the session's pid, user,
    /// application, when it connected, and what it is doing, from pg_locks and
    /// pg_stat_activity (a bigint key is split over classid, objid, objsubid = 1). Advisory
    /// locks belong to a database: a session holding the same key on another database of
    /// the server does not block this one and is not named.
    std::string lock_holder(const std::string& key) {
        Diagnostics ignored;  // the holder is a courtesy: a failure to read it is not the error
        auto rows = query(
            "SELECT a.pid::text, coalesce(a.usename::text, '?'), coalesce(a.application_name, ''), "
            "to_char(a.backend_start AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS'), "
            "coalesce(a.state, '?'), "
            "coalesce(to_char(a.state_change AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS'), '?'), "
            "coalesce(a.query, '') "
            "FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid "
            "WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 1 "
            "AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database()) "
            "AND l.classid::bigint = (($1::bigint >> 32) & 4294967295) "
            "AND l.objid::bigint = ($1::bigint & 4294967295) LIMIT 1",
            {key}, ignored);
        if (!rows || rows->rows.empty()) return "another session (it could not be identified)";
        // Text another session chose: cut to 200 bytes, then one line without terminal
        // control characters (the project's one escaper for text from outside).
        auto cell = [&](std::size_t i) {
            std::string text = rows->rows[0][i].value_or("");
            return support::one_line_text(text.size() > 200 ? text.substr(0, 200) + " ..." : text);
        };
        const std::string query_text = cell(6);
        const std::string app = cell(2).empty() ? "" : ", application " + cell(2);
        return "pid " + cell(0) + " (user " + cell(1) + app + ", connected " + cell(3) + " UTC; " +
               cell(4) + " since " + cell(5) + " UTC" +
               (query_text.empty() ? "" : "; last statement: " + query_text) + ")";
    }

    /// Reports the server's complaint about `sql`; `done` statements of the batch had
    /// succeeded before it.
    void fail(Diagnostics& diags, const PGresult* r, std::string_view sql, std::size_t done = 0) {
        auto field = [&](int code) -> std::string {
            const char* v = r ? PQresultErrorField(r, code) : nullptr;
            return v ? v : "";
        };
        std::string primary = field(PG_DIAG_MESSAGE_PRIMARY);
        if (primary.empty()) {
            primary = PQerrorMessage(conn_);
            while (!primary.empty() && primary.back() == '\n') primary.pop_back();
            if (primary.empty()) primary = "unknown error";
        }
        std::string message = "PostgreSQL (" + where_ + ") refused: " + primary;
        const std::string state = field(PG_DIAG_SQLSTATE);
        if (!state.empty()) message += " [SQLSTATE " + state + "]";
        lock_timeout_ = state == "55P03";  // lock_not_available: lock_timeout, NOWAIT
        if (auto detail = field(PG_DIAG_MESSAGE_DETAIL); !detail.empty())
            message += "\n  detail: " + detail;
        support::SourceLocation at;
        if (auto pos = field(PG_DIAG_STATEMENT_POSITION); !pos.empty()) {
            at = position_in(sql, std::stol(pos));
            message += "\n  at line " + std::to_string(at.line) + ", column " +
                       std::to_string(at.column) + ": " + line_of(sql, at.line);
        } else if (done > 0) {
            message += "\n  in statement " + std::to_string(done + 1) + " of the batch";
        }
        std::string hint = field(PG_DIAG_MESSAGE_HINT);
        if (hint.empty())
            hint = "check the statement above; a failed transaction keeps none of its changes";
        message += "\n  statement: " + excerpt(sql);
        diags.error(Category::Database, std::move(message), at, std::move(hint));
    }

    PGconn* conn_;
    bool lock_timeout_ = false;  ///< the last failure was SQLSTATE 55P03
    std::string where_;          ///< the redacted URL (and database), for messages
};

/// Connects with libpq; `database` replaces the URL's database when not empty.
PGconn* connect(const DatabaseUrl& url, const std::string& database, Diagnostics& diags) {
    // Later keywords override what the expanded URL says, earlier ones are defaults.
    std::vector<const char*> keys = {"connect_timeout", "fallback_application_name", "dbname"};
    std::vector<const char*> values = {kConnectTimeoutSeconds, "autogen", url.target.c_str()};
    if (!database.empty()) {
        keys.push_back("dbname");
        values.push_back(database.c_str());
    }
    keys.push_back(nullptr);
    values.push_back(nullptr);
    PGconn* conn = PQconnectdbParams(keys.data(), values.data(), 1);
    if (conn && PQstatus(conn) == CONNECTION_OK) return conn;
    std::string why = conn ? PQerrorMessage(conn) : "out of memory";
    while (!why.empty() && (why.back() == '\n' || why.back() == ' ')) why.pop_back();
    PQfinish(conn);
    diags.error(Category::Database,
                "cannot connect to PostgreSQL " + url.redacted() +
                    (database.empty() ? "" : " (database " + database + ")") + ": " +
                    redact_secrets(why, url.target),
                {},
                "check that the server runs and the URL's host, port, user, password and database "
                "are right "
                "(postgresql://user:password@host:port/database)");
    return nullptr;
}

/// The settings of every session on a scratch database (the first and its peers). A
/// scratch database is thrown away: its commits need not wait for the WAL flush.
/// Materialising 1,000 model tables is ~3,000 DDL statements, each its own commit;
/// on a server with fsync on this took 34 s instead of 21 s (docs/performance.md).
void scratch_session_settings(PGconn* conn) {
    Result(PQexec(conn, "SET synchronous_commit = off"));
}

/// A connection to a scratch database that drops it when destroyed, through a
/// second connection to the server's own database.
class ScratchConnection final : public PostgresConnection {
  public:
    ScratchConnection(PGconn* conn, std::string where, std::unique_ptr<Connection> admin,
                      DatabaseUrl server, std::string name)
        : PostgresConnection(conn, std::move(where)),
          admin_(std::move(admin)),
          server_(std::move(server)),
          name_(std::move(name)) {}
    ~ScratchConnection() override {
        close();  // our own session must end before the database can go
        support::Diagnostics
            ignored;  // a leftover scratch database is harmless and named autogen_scratch_*
        admin_->execute("DROP DATABASE IF EXISTS \"" + name_ + "\" WITH (FORCE)", ignored);
    }

    /// Another session on this scratch database (open_postgres_scratch_peer).
    std::unique_ptr<Connection> peer(Diagnostics& diags) const {
        PGconn* conn = connect(server_, name_, diags);
        if (!conn) return nullptr;
        scratch_session_settings(conn);
        return std::make_unique<PostgresConnection>(conn, where());
    }

  private:
    std::unique_ptr<Connection> admin_;
    DatabaseUrl server_;
    std::string name_;
};

}  // namespace

long long migration_lock_key(std::string_view key) {
    std::uint64_t hash = 14695981039346656037ull;  // FNV-1a 64 offset basis
    for (char c : std::string("autogen:") + std::string(key)) {
        hash ^= static_cast<unsigned char>(c);
        hash *= 1099511628211ull;  // FNV-1a 64 prime
    }
    return static_cast<long long>(hash);  // two's complement: the bigint with the same bits
}

std::unique_ptr<Connection> open_postgres(const DatabaseUrl& url, Diagnostics& diags,
                                          Access access) {
    PGconn* conn = connect(url, "", diags);
    if (!conn) return nullptr;
    auto out = std::make_unique<PostgresConnection>(conn, url.redacted());
    if (access == Access::ReadOnly &&
        !out->execute("SET default_transaction_read_only = on", diags))
        return nullptr;
    return out;
}

std::unique_ptr<Connection> open_postgres_scratch(const DatabaseUrl& server, Diagnostics& diags) {
    auto admin = open_postgres(server, diags);
    if (!admin) return nullptr;
    std::random_device rd;
    std::string name =
        "autogen_scratch_" + std::to_string(getpid()) + "_" + std::to_string(rd() % 100000000);
    if (!admin->execute("CREATE DATABASE \"" + name + "\" TEMPLATE template0", diags)) {
        diags.error(
            Category::Database, "cannot create a scratch database on " + server.redacted(), {},
            "autogen needs a scratch database to replay migrations: grant the URL's user CREATEDB "
            "(ALTER ROLE ... CREATEDB)");
        return nullptr;
    }
    PGconn* conn = connect(server, name, diags);
    if (!conn) {
        support::Diagnostics ignored;
        admin->execute("DROP DATABASE IF EXISTS \"" + name + "\"", ignored);
        return nullptr;
    }
    scratch_session_settings(conn);
    return std::make_unique<ScratchConnection>(
        conn, server.redacted() + " (scratch database " + name + ")", std::move(admin), server,
        name);
}

std::unique_ptr<Connection> open_postgres_scratch_peer(const Connection& scratch,
                                                       Diagnostics& diags) {
    const auto* first = dynamic_cast<const ScratchConnection*>(&scratch);
    if (!first) {
        diags.error(Category::Internal,
                    "a peer session was asked of a connection that is not a PostgreSQL scratch "
                    "database's",
                    {}, "this is a bug in autogen: please report it");
        return nullptr;
    }
    return first->peer(diags);
}

}  // namespace autogen::db
