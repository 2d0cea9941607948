// Runs one CLI script test (tests/cli/*.txt): writes the files the script embeds into a
// fresh temp folder, runs its commands against the built autogen binary and checks
// exit codes, output lines, files and database contents. Readable without C++:
//
//   # comment
//   autogen revision -m init         run; must exit 0
//   [1] autogen check                run; must exit 1 (any code: [!0])
//   parallel N autogen ARGS          run N copies at once; each must exit 0 (or as [N] says);
//   tty INPUT autogen ARGS           run with stdin and stderr on a pseudo-terminal (its
//   controlling
//                                    terminal; CI unset unless the script set it with `env CI=...`
//                                    to something else than the runner's "true"), typing the line
//                                    INPUT; what the terminal showed becomes the last "stderr" (a
//                                    prompt has no newline: match it with stderr; the terminal's
//                                    \r\n line ends are \n, while a lone \r of a progress line and
//                                    colour codes stay: match them with $CR, $ESC), stdout as usual
//                                    their stdouts, concatenated, become the last stdout
//   stdout REGEX / ! stdout REGEX    a line of the last stdout matches / none does
//   stderr REGEX / ! stderr REGEX    same for stderr
//   exists PATH / ! exists PATH      a file exists (PATH may be a glob with *)
//   grep REGEX GLOB / ! grep ...     a line of the one file matching GLOB matches / none does
//   count N GLOB                     exactly N files match
//   cp FROM TO                       copy a file inside the work folder (e.g. a new model version)
//   rm PATH                          remove a file
//   sql DB QUERY                     run QUERY (read-write) on the SQLite file DB; its rows ("a|b")
//   become the
//                                    "stdout" that the next stdout lines check; "! sql" expects the
//                                    database to refuse QUERY (its message becomes the "stderr")
//   sqlfile DB FILE                  run the SQL script FILE on the SQLite file DB (like `sqlite3
//   DB < FILE`) tables DB / indexes DB           the database's table / index names (no internal
//   ones), one per
//                                    line, sorted, as the "stdout" (portable across dialects)
//   columns DB TABLE                 the column names of TABLE, in order, as the "stdout"
//   client DB FILE                   run FILE with the dialect's own command-line client, stopping
//   at
//                                    the first error (sqlite3 -bail with foreign keys on;
//                                    psql -v ON_ERROR_STOP=1 -f FILE); must exit 0 (or as [N] says)
//   save FILE                        write the last stdout to FILE
//   append FILE TEXT                 append TEXT and a newline to FILE (e.g. to edit a revision)
//   truncate GLOB REGEX              cut the one file matching GLOB before its first line matching
//                                    REGEX (a file cut short, e.g. at a statement boundary)
//   env NAME=VALUE                   set a variable for the following commands
//   cmp GLOB GOLDEN                  the one file matching GLOB equals GOLDEN (a path relative
//                                    to the script's folder) byte for byte; with
//                                    AUTOGEN_UPDATE_GOLDEN=1 the golden file is rewritten instead
//   -- path/to/file --               starts an embedded file (until the next marker)
//   same FILE                        the last stdout equals the work file FILE (saved before)
//   same-lines FILE                  the same, each side's lines sorted first
//   counts DB                        "table|rows" for every user table (autogen's version
//                                    tables left out), sorted, as the "stdout"
//   catalog DB                       the schema as the database's catalog reads it (no autogen
//                                    involved: pg_catalog, SQLite's pragmas), as the "stdout"
//   kept FILE                        every table of the last `counts` that FILE (an earlier
//                                    `counts`, saved) lists has as many rows as it had then
//   up REGEX GLOB / down REGEX GLOB  a line of the `-- +upgrade DIALECT` / `-- +downgrade
//                                    DIALECT` section of the one file matching GLOB matches
//                                    (`! up`: none does)
//
// Corpus cases. A SCRIPT named *.case (tests/corpus/<kind>/<case>.case) is a migration case,
// translated into a script by corpus_case.hpp (read there for the format) and run like one.
//
// Dialects. `script_runner AUTOGEN SCRIPT [DIALECT]` runs the script against DIALECT
// ("sqlite", the default, or "postgresql"). A line `dialects sqlite postgresql` declares
// which dialects a script supports (tests/CMakeLists.txt registers one ctest per dialect;
// without the line, sqlite only). For postgresql the runner creates a fresh database on the
// test server (the URL of the server is in the file $AUTOGEN_TEST_PG_URL_FILE, written by
// the ctest fixture), sets DATABASE_URL to it for every autogen command (it wins over the
// config's url, SPEC §2) and drops it at the end; `sql`/`sqlfile` then run on that database
// whatever DB they name (db/other.sqlite3 names a second database, $OTHER_URL its URL,
// for scripts that need two). A script that mentions $PG_URL gets a PostgreSQL database
// in a SQLite run too ($PG_URL; the server's URL is in the environment as PG_SERVER_URL,
// for `dev_url = "${PG_SERVER_URL}"`). In every step, $DIALECT and $DATABASE_URL are replaced by
// their values (in embedded files, $DIALECT; in both, $CR, $LF and $ESC are those control
// characters, for tests of text that must not become SQL or terminal control), and `if DIALECT
// STEP` runs STEP only when the script runs against DIALECT (for catalog queries: sqlite_master vs
// information_schema).
//
// Exit code 0 when every step passes; on the first failure, prints the script so far
// with each command's output, and exits 1.
#include <fcntl.h>
#include <libpq-fe.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <random>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "tests/support/corpus_case.hpp"

namespace fs = std::filesystem;

namespace {

struct Script {
    std::vector<std::pair<int, std::string>> steps;  // line number, text
    std::vector<std::pair<std::string, std::string>> files;
};

Script parse_script(const std::string& text) {
    Script s;
    std::istringstream in(text);
    std::string line;
    int number = 0;
    std::string* current = nullptr;
    static const std::regex kMarker(R"(^-- (\S+) --$)");
    while (std::getline(in, line)) {
        ++number;
        std::smatch m;
        if (std::regex_match(line, m, kMarker)) {
            s.files.emplace_back(m[1].str(), "");
            current = &s.files.back().second;
            continue;
        }
        if (current) {
            *current += line + "\n";
            continue;
        }
        auto first = line.find_first_not_of(" \t");
        if (first == std::string::npos || line[first] == '#') continue;
        s.steps.emplace_back(number, line.substr(first));
    }
    return s;
}

/// Splits a command line like a shell would for quotes ('...' and "..." with \").
std::vector<std::string> split_words(const std::string& line) {
    std::vector<std::string> words;
    std::string word;
    bool in_word = false;
    char quote = 0;
    for (std::size_t i = 0; i < line.size(); ++i) {
        char c = line[i];
        if (quote) {
            if (c == quote) {
                quote = 0;
            } else if (c == '\\' && quote == '"' && i + 1 < line.size()) {
                word += line[++i];
            } else {
                word += c;
            }
        } else if (c == '\'' || c == '"') {
            quote = c;
            in_word = true;
        } else if (c == ' ' || c == '\t') {
            if (in_word) words.push_back(word);
            word.clear();
            in_word = false;
        } else {
            word += c;
            in_word = true;
        }
    }
    if (in_word) words.push_back(word);
    return words;
}

std::string read_all(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

struct RunResult {
    int code = -1;
    std::string out, err;
};

/// Starts argv in cwd with stdout/stderr to files named by `tag` under scratch.
pid_t spawn(const std::vector<std::string>& argv, const fs::path& cwd,
            const std::map<std::string, std::string>& env, const fs::path& scratch,
            const std::string& tag) {
    fs::path out_file = scratch / ("stdout" + tag), err_file = scratch / ("stderr" + tag);
    pid_t pid = fork();
    if (pid == 0) {
        if (chdir(cwd.c_str()) != 0) _exit(127);
        int in = open("/dev/null", O_RDONLY);
        int out = open(out_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        int err = open(err_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        dup2(in, 0);
        dup2(out, 1);
        dup2(err, 2);
        for (const auto& [k, v] : env) setenv(k.c_str(), v.c_str(), 1);
        std::vector<char*> args;
        for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
        args.push_back(nullptr);
        execv(args[0], args.data());
        _exit(127);
    }
    return pid;
}

/// Waits for a spawned process and reads what it printed.
RunResult collect(pid_t pid, const fs::path& scratch, const std::string& tag) {
    int status = 0;
    waitpid(pid, &status, 0);
    RunResult r;
    r.code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    r.out = read_all(scratch / ("stdout" + tag));
    r.err = read_all(scratch / ("stderr" + tag));
    return r;
}

RunResult run_process(const std::vector<std::string>& argv, const fs::path& cwd,
                      const std::map<std::string, std::string>& env, const fs::path& scratch) {
    return collect(spawn(argv, cwd, env, scratch, ""), scratch, "");
}

/// Runs argv with stdin and stderr on a new pseudo-terminal, typing `input` and a
/// newline into it; the terminal's transcript is the result's `err`.
RunResult run_in_terminal(const std::vector<std::string>& argv, const fs::path& cwd,
                          const std::map<std::string, std::string>& env, const fs::path& scratch,
                          const std::string& input) {
    RunResult r;
    int master = posix_openpt(O_RDWR | O_NOCTTY);
    if (master < 0 || grantpt(master) != 0 || unlockpt(master) != 0) {
        r.err = "cannot open a pseudo-terminal";
        return r;
    }
    const std::string terminal = ptsname(master);
    const fs::path out_file = scratch / "stdout-tty";
    pid_t pid = fork();
    if (pid == 0) {
        setsid();  // the terminal opened next becomes the controlling one
        int tty = open(terminal.c_str(), O_RDWR);
        int out = open(out_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        if (tty < 0 || out < 0 || chdir(cwd.c_str()) != 0) _exit(127);
        dup2(tty, 0);
        dup2(out, 1);
        dup2(tty, 2);
        close(master);
        // The runner's default CI=true would stop every prompt; a script's own
        // `env CI=...` stays, to show that CI never prompts.
        for (const auto& [k, v] : env)
            if (k != "CI" || v != "true") setenv(k.c_str(), v.c_str(), 1);
        if (env.count("CI") && env.at("CI") == "true") unsetenv("CI");
        std::vector<char*> args;
        for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
        args.push_back(nullptr);
        execv(args[0], args.data());
        _exit(127);
    }
    // Typed ahead: the terminal's line discipline keeps the line until it is read.
    const std::string line = input + "\n";
    if (write(master, line.data(), line.size()) < 0)
        r.err = "cannot type into the pseudo-terminal\n";
    char buffer[4096];
    for (;;) {
        ssize_t n = read(master, buffer, sizeof buffer);
        if (n <= 0) break;  // EIO once the program and its terminal are gone
        r.err.append(buffer, static_cast<std::size_t>(n));
    }
    close(master);
    int status = 0;
    waitpid(pid, &status, 0);
    r.code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    r.out = read_all(out_file);
    // The terminal ends lines with \r\n; a \r of its own (a progress line redrawn in
    // place) is kept, as are colour codes, for `stderr '$CR'` / `stderr '$ESC\[31m'`.
    for (std::size_t at; (at = r.err.find("\r\n")) != std::string::npos;) r.err.erase(at, 1);
    return r;
}

bool any_line_matches(const std::string& text, const std::string& pattern) {
    std::regex re(pattern);
    std::istringstream in(text);
    std::string line;
    while (std::getline(in, line)) {
        if (std::regex_search(line, re)) return true;
    }
    return false;
}

std::vector<fs::path> glob(const fs::path& root, const std::string& pattern) {
    // '*' within one path component; enough for "migrations/*.sql".
    std::string re;
    for (char c : pattern) {
        if (c == '*')
            re += "[^/]*";
        else if (std::string(".+()[]{}^$|\\?").find(c) != std::string::npos)
            re += std::string("\\") + c;
        else
            re += c;
    }
    std::regex rx(re);
    std::vector<fs::path> out;
    std::error_code ec;
    for (auto it = fs::recursive_directory_iterator(root, ec);
         it != fs::recursive_directory_iterator(); ++it) {
        auto rel = fs::relative(it->path(), root).generic_string();
        if (std::regex_match(rel, rx)) out.push_back(it->path());
    }
    return out;
}

std::optional<std::string> sql_rows(const fs::path& db, const std::string& query,
                                    std::string& error) {
    sqlite3* h = nullptr;
    std::error_code ec;
    fs::create_directories(db.parent_path(), ec);
    if (sqlite3_open_v2(db.c_str(), &h, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) !=
        SQLITE_OK) {
        error = "cannot open " + db.string();
        sqlite3_close(h);
        return std::nullopt;
    }
    std::string out;
    char* msg = nullptr;
    auto cb = [](void* data, int n, char** values, char**) -> int {
        auto* s = static_cast<std::string*>(data);
        for (int i = 0; i < n; ++i)
            *s += (i ? "|" : "") + std::string(values[i] ? values[i] : "NULL");
        *s += "\n";
        return 0;
    };
    if (sqlite3_exec(h, query.c_str(), cb, &out, &msg) != SQLITE_OK) {
        error = msg ? msg : "query failed";
        sqlite3_free(msg);
        sqlite3_close(h);
        return std::nullopt;
    }
    sqlite3_close(h);
    return out;
}

// Catalog queries behind `tables` and `indexes`: user objects only, sorted by name.
constexpr const char* kSqliteTables =
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY "
    "name";
constexpr const char* kSqliteIndexes =
    "SELECT name FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_%' ORDER BY "
    "name";
constexpr const char* kPostgresTables =
    "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE "
    "c.relkind IN ('r', 'p') "
    "AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%' "
    "ORDER BY 1";
// Indexes that back no constraint, like SQLite's (whose constraint indexes are sqlite_autoindex_*).
constexpr const char* kPostgresIndexes =
    "SELECT c.relname FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_namespace n "
    "ON n.oid = c.relnamespace "
    "WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE "
    "'pg_toast%' "
    "AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid) ORDER BY 1";

/// The second database of a script, by its SQLite path; $OTHER_URL names it.
constexpr const char* kOtherSqlite = "db/other.sqlite3";

/// The fresh PostgreSQL database a script runs against (dropped by the destructor).
class PostgresDatabase {
  public:
    /// Creates the database on the test server; `error` says why not.
    bool create(std::string& error) {
        const char* file = std::getenv("AUTOGEN_TEST_PG_URL_FILE");
        if (!file || !fs::exists(file)) {
            error =
                "no PostgreSQL test server: AUTOGEN_TEST_PG_URL_FILE is unset or names no file "
                "(run through ctest, whose fixture starts the server, or scripts/pg-server.sh "
                "start DIR)";
            return false;
        }
        server_url_ = read_all(file);
        while (!server_url_.empty() && std::isspace(static_cast<unsigned char>(server_url_.back())))
            server_url_.pop_back();
        std::random_device rd;
        name_ = "autogen_cli_" + std::to_string(getpid()) + "_" + std::to_string(rd() % 1000000);
        if (!on_server("CREATE DATABASE \"" + name_ + "\"", error)) return false;
        created_ = true;
        return true;
    }
    ~PostgresDatabase() {
        std::string ignored;
        if (created_) on_server("DROP DATABASE IF EXISTS \"" + name_ + "\" WITH (FORCE)", ignored);
    }
    bool created() const { return created_; }
    const std::string& server_url() const { return server_url_; }

    /// The server URL with the database name replaced by ours.
    std::string url() const {
        auto query = server_url_.find('?');
        std::string base = server_url_.substr(0, query);
        auto slash = base.rfind('/');
        return base.substr(0, slash + 1) + name_ +
               (query == std::string::npos ? "" : server_url_.substr(query));
    }
    /// Runs `sql` (one or more statements) on our database; the last result's rows as "a|b" lines.
    std::optional<std::string> rows(const std::string& sql, std::string& error) const {
        return run(url(), sql, error);
    }

  private:
    bool on_server(const std::string& sql, std::string& error) const {
        return run(server_url_, sql, error).has_value();
    }

    static std::optional<std::string> run(const std::string& conninfo, const std::string& sql,
                                          std::string& error) {
        PGconn* conn = PQconnectdb(conninfo.c_str());
        if (PQstatus(conn) != CONNECTION_OK) {
            error = std::string("cannot connect to the PostgreSQL test server: ") +
                    PQerrorMessage(conn);
            PQfinish(conn);
            return std::nullopt;
        }
        PQsetNoticeProcessor(
            conn, [](void*, const char*) {}, nullptr);
        PGresult* res = PQexec(conn, sql.c_str());
        std::optional<std::string> out;
        auto status = PQresultStatus(res);
        if (status == PGRES_TUPLES_OK || status == PGRES_COMMAND_OK) {
            std::string text;
            for (int r = 0; r < PQntuples(res); ++r) {
                for (int c = 0; c < PQnfields(res); ++c) {
                    text += (c ? "|" : "") +
                            std::string(PQgetisnull(res, r, c) ? "NULL" : PQgetvalue(res, r, c));
                }
                text += "\n";
            }
            out = text;
        } else {
            error = PQresultErrorMessage(res);
            while (!error.empty() && error.back() == '\n') error.pop_back();
        }
        PQclear(res);
        PQfinish(conn);
        return out;
    }

    std::string server_url_, name_;
    bool created_ = false;
};

/// Replaces every $NAME of `vars` in `text`.
std::string substitute(std::string text, const std::map<std::string, std::string>& vars) {
    for (const auto& var : vars) {
        const std::string key = "$" + var.first;
        for (auto pos = text.find(key); pos != std::string::npos;
             pos = text.find(key, pos + var.second.size())) {
            text.replace(pos, key.size(), var.second);
        }
    }
    return text;
}

/// The lines of `text`, sorted (a comparison that ignores order).
std::string sorted_lines(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    std::sort(lines.begin(), lines.end());
    std::string out;
    for (const auto& line : lines) out += line + "\n";
    return out;
}

/// Where two texts first differ, as "line N: 'a' vs 'b'".
std::string first_difference(const std::string& a, const std::string& b) {
    std::istringstream ia(a), ib(b);
    std::string la, lb;
    for (int line = 1;; ++line) {
        bool ga = static_cast<bool>(std::getline(ia, la)),
             gb = static_cast<bool>(std::getline(ib, lb));
        if (!ga && !gb) return "none";
        if (!ga || !gb || la != lb)
            return "line " + std::to_string(line) + ": '" + (ga ? la : "<end>") + "' vs '" +
                   (gb ? lb : "<end>") + "'";
    }
}

/// The user tables of a SQLite database with their row counts, "table|n" lines.
std::optional<std::string> sqlite_row_counts(const fs::path& db, std::string& error) {
    auto names = sql_rows(db,
                          "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE "
                          "'sqlite_%' AND name NOT LIKE 'autogen_version%' ORDER BY name",
                          error);
    if (!names) return std::nullopt;
    std::string out;
    std::istringstream in(*names);
    for (std::string name; std::getline(in, name);) {
        auto n = sql_rows(db, "SELECT count(*) FROM \"" + name + "\"", error);
        if (!n) return std::nullopt;
        out += name + "|" + *n;
    }
    return out;
}

/// The same for PostgreSQL: "schema.table|n" lines.
std::optional<std::string> postgres_row_counts(const PostgresDatabase& db, std::string& error) {
    auto names = db.rows(
        "SELECT quote_ident(n.nspname) || '.' || quote_ident(c.relname) FROM pg_class c JOIN "
        "pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind IN ('r', 'p') AND n.nspname NOT "
        "IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%' AND c.relname "
        "NOT LIKE 'autogen_version%' ORDER BY 1",
        error);
    if (!names) return std::nullopt;
    std::string out;
    std::istringstream in(*names);
    for (std::string name; std::getline(in, name);) {
        auto n = db.rows("SELECT count(*) FROM " + name, error);
        if (!n) return std::nullopt;
        out += name + "|" + *n;
    }
    return out;
}

// `catalog DB`: the schema as the database's own catalog says it, read without autogen,
// so that a downgrade that "restores" only what autogen's inspector reads is caught. Names
// in a stable order (columns by name: ALTER TABLE ADD COLUMN appends, and column order is
// not part of what autogen compares); autogen's version tables left out. The declared
// objects too (routines by signature, privileges as the ACL's sorted items: the owner's defaults
// when none was ever granted, which is what a REVOKE of every grant leaves).
constexpr const char* kPostgresCatalog[] = {
    "SELECT 'schema', nspname FROM pg_namespace WHERE nspname NOT LIKE 'pg\\_%' AND nspname <> "
    "'information_schema' ORDER BY 2",
    "SELECT 'relation', n.nspname, c.relname, c.relkind, c.relpersistence, "
    "array_to_string(ARRAY(SELECT unnest(c.reloptions) ORDER BY 1), ','), "
    "coalesce(obj_description(c.oid, 'pg_class'), ''), c.relrowsecurity, c.relforcerowsecurity, "
    "ARRAY(SELECT x::text FROM unnest(coalesce(c.relacl, acldefault((CASE c.relkind WHEN 'S' "
    "THEN 's' ELSE 'r' END)::\"char\", c.relowner))) x ORDER BY 1)::text "
    "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE "
    "c.relkind IN ('r', 'p', 'v', 'm', 'S', 'i', 'c') AND n.nspname NOT LIKE 'pg\\_%' AND "
    "n.nspname <> 'information_schema' AND c.relname NOT LIKE 'autogen\\_version%' ORDER BY 2, 3",
    "SELECT 'column', c.oid::regclass::text, a.attname, format_type(a.atttypid, a.atttypmod), "
    "a.attnotnull, coalesce(pg_get_expr(d.adbin, d.adrelid), ''), a.attidentity, a.attgenerated, "
    "coalesce(co.collname, ''), coalesce(col_description(c.oid, a.attnum), '') FROM pg_attribute "
    "a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace LEFT "
    "JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum LEFT JOIN pg_collation co "
    "ON co.oid = a.attcollation AND a.attcollation <> 100 WHERE a.attnum > 0 AND NOT "
    "a.attisdropped AND c.relkind IN ('r', 'p', 'v', 'm', 'c') AND n.nspname NOT LIKE 'pg\\_%' AND "
    "n.nspname <> 'information_schema' AND c.relname NOT LIKE 'autogen\\_version%' ORDER BY 2, 3",
    "SELECT 'constraint', k.conrelid::regclass::text, k.conname, k.contype, "
    "pg_get_constraintdef(k.oid), k.condeferrable, k.condeferred, k.convalidated, "
    "k.connoinherit, coalesce(obj_description(k.oid, 'pg_constraint'), '') FROM pg_constraint k "
    "JOIN pg_namespace n ON n.oid = k.connamespace WHERE n.nspname NOT LIKE 'pg\\_%' AND "
    "n.nspname <> 'information_schema' AND k.conname NOT LIKE 'autogen\\_version%' ORDER BY 2, 3",
    "SELECT 'index', i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid) FROM pg_index i "
    "JOIN pg_class c ON c.oid = i.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace WHERE "
    "n.nspname NOT LIKE 'pg\\_%' AND n.nspname <> 'information_schema' AND c.relname NOT LIKE "
    "'autogen\\_version%' ORDER BY 2",
    "SELECT 'view', c.oid::regclass::text, pg_get_viewdef(c.oid) FROM pg_class c JOIN "
    "pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind IN ('v', 'm') AND n.nspname NOT "
    "LIKE 'pg\\_%' AND n.nspname <> 'information_schema' ORDER BY 2",
    "SELECT 'enum', t.typnamespace::regnamespace::text, t.typname, string_agg(e.enumlabel, ',' "
    "ORDER BY e.enumsortorder) FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid GROUP BY 2, 3 "
    "ORDER BY 2, 3",
    // What issue 20 declares in SQL: domains, range types, functions, triggers, policies,
    // sequences' options, schemas' privileges.
    "SELECT 'domain', t.oid::regtype::text, format_type(t.typbasetype, t.typtypmod), t.typnotnull, "
    "coalesce(pg_get_expr(t.typdefaultbin, 0), '') FROM pg_type t JOIN pg_namespace n ON n.oid = "
    "t.typnamespace WHERE t.typtype = 'd' AND n.nspname NOT LIKE 'pg\\_%' AND n.nspname <> "
    "'information_schema' ORDER BY 2",
    "SELECT 'range', r.rngtypid::regtype::text, r.rngsubtype::regtype::text, r.rngsubdiff::text "
    "FROM pg_range r JOIN pg_type t ON t.oid = r.rngtypid JOIN pg_namespace n ON n.oid = "
    "t.typnamespace WHERE n.nspname NOT LIKE 'pg\\_%' AND n.nspname <> 'information_schema' "
    "ORDER BY 2",
    "SELECT 'routine', p.oid::regprocedure::text, pg_get_functiondef(p.oid), "
    "ARRAY(SELECT x::text FROM unnest(coalesce(p.proacl, acldefault('f'::\"char\", p.proowner))) x "
    "ORDER BY 1)::text FROM pg_proc p JOIN "
    "pg_namespace n ON "
    "n.oid = p.pronamespace "
    "WHERE p.prokind IN ('f', 'p') AND n.nspname NOT LIKE 'pg\\_%' AND n.nspname <> "
    "'information_schema' ORDER BY 2",
    "SELECT 'trigger', tg.tgrelid::regclass::text, tg.tgname, pg_get_triggerdef(tg.oid) FROM "
    "pg_trigger tg WHERE NOT tg.tgisinternal ORDER BY 2, 3",
    "SELECT 'policy', p.polrelid::regclass::text, p.polname, p.polcmd, p.polpermissive, "
    "ARRAY(SELECT CASE WHEN r = 0 THEN 'public' ELSE pg_get_userbyid(r)::text END FROM "
    "unnest(p.polroles) r ORDER BY 1)::text, coalesce(pg_get_expr(p.polqual, p.polrelid), ''), "
    "coalesce(pg_get_expr(p.polwithcheck, p.polrelid), '') FROM pg_policy p ORDER BY 2, 3",
    "SELECT 'sequence', s.seqrelid::regclass::text, s.seqtypid::regtype::text, s.seqstart, "
    "s.seqincrement, s.seqmax, s.seqmin, s.seqcache, s.seqcycle FROM pg_sequence s ORDER BY 2",
    "SELECT 'schema acl', nspname, ARRAY(SELECT x::text FROM "
    "unnest(coalesce(nspacl, acldefault('n'::\"char\", nspowner))) x ORDER BY 1)::text "
    "FROM "
    "pg_namespace WHERE nspname NOT "
    "LIKE 'pg\\_%' AND nspname <> 'information_schema' ORDER BY 2",
    // Comments on what is not a relation or a constraint (read above): types, routines,
    // triggers, policies, schemas, extensions; by their description, not their oid (a
    // re-created object has a new one). Not the server's own objects (oids below 16384).
    "SELECT 'comment', pg_describe_object(d.classoid, d.objoid, d.objsubid), d.description "
    "FROM pg_description d WHERE d.objoid >= 16384 AND d.classoid NOT IN "
    "('pg_class'::regclass, 'pg_constraint'::regclass) ORDER BY 2, 3",
    // ALTER DEFAULT PRIVILEGES: every entry, its ACL's items sorted.
    "SELECT 'default acl', pg_get_userbyid(d.defaclrole), coalesce(n.nspname, ''), "
    "d.defaclobjtype, ARRAY(SELECT x::text FROM unnest(d.defaclacl) x ORDER BY 1)::text FROM "
    "pg_default_acl d LEFT JOIN pg_namespace n ON n.oid = d.defaclnamespace ORDER BY 2, 3, 4",
    // Owners (ALTER ... OWNER TO): relations, routines, schemas, types, by the role's name,
    // the connecting role as CURRENT_USER (the one side and the other may be read as two).
    "SELECT 'owner', o.kind, o.name, CASE WHEN o.owner = current_user THEN 'CURRENT_USER' ELSE "
    "o.owner END FROM (SELECT 'relation' AS kind, c.oid::regclass::text AS name, "
    "pg_get_userbyid(c.relowner)::text AS owner FROM pg_class c JOIN pg_namespace n ON n.oid = "
    "c.relnamespace WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S') AND n.nspname NOT LIKE 'pg\\_%' "
    "AND n.nspname <> 'information_schema' AND c.relname NOT LIKE 'autogen\\_version%' "
    "UNION ALL SELECT 'routine', p.oid::regprocedure::text, pg_get_userbyid(p.proowner)::text "
    "FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE p.prokind IN ('f', 'p') "
    "AND n.nspname NOT LIKE 'pg\\_%' AND n.nspname <> 'information_schema' "
    "UNION ALL SELECT 'schema', n.nspname, pg_get_userbyid(n.nspowner)::text FROM pg_namespace n "
    "WHERE n.nspname NOT LIKE 'pg\\_%' AND n.nspname NOT IN ('information_schema', 'public') "
    "UNION ALL SELECT 'type', t.oid::regtype::text, pg_get_userbyid(t.typowner)::text FROM "
    "pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace WHERE t.typtype IN ('d', 'e', 'r') "
    "AND n.nspname NOT LIKE 'pg\\_%' AND n.nspname <> 'information_schema') o ORDER BY 2, 3",
};

std::optional<std::string> postgres_catalog(const PostgresDatabase& db, std::string& error) {
    std::string out;
    for (const char* query : kPostgresCatalog) {
        auto rows = db.rows(query, error);
        if (!rows) return std::nullopt;
        out += *rows;
    }
    return out;
}

std::optional<std::string> sqlite_catalog(const fs::path& db, std::string& error) {
    auto objects =
        sql_rows(db,
                 "SELECT type || '|' || name || '|' || tbl_name FROM sqlite_master WHERE "
                 "name NOT LIKE 'sqlite_%' AND name NOT LIKE 'autogen_version%' ORDER "
                 "BY type, name",
                 error);
    if (!objects) return std::nullopt;
    std::string out = *objects;
    auto tables = sql_rows(db,
                           "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE "
                           "'sqlite_%' AND name NOT LIKE 'autogen_version%' ORDER BY name",
                           error);
    if (!tables) return std::nullopt;
    std::istringstream in(*tables);
    for (std::string t; std::getline(in, t);) {
        const std::string q = "'" + t + "'";
        for (const std::string& query : {
                 "SELECT 'options', type, ncol, wr, strict FROM pragma_table_list(" + q + ")",
                 "SELECT 'column', name, type, \"notnull\", pk, hidden FROM pragma_table_xinfo(" +
                     q + ") ORDER BY name",
                 "SELECT 'fk', \"table\", \"from\", \"to\", on_update, on_delete, match FROM "
                 "pragma_foreign_key_list(" +
                     q + ") ORDER BY \"table\", \"from\"",
                 "SELECT 'index', l.name, l.\"unique\", l.origin, l.partial, x.seqno, x.name, "
                 "x.\"desc\", x.coll, x.key FROM pragma_index_list(" +
                     q +
                     ") l JOIN pragma_index_xinfo(l.name) x WHERE l.name NOT LIKE "
                     "'sqlite_autoindex%' ORDER BY l.name, x.seqno",
             }) {
            auto rows = sql_rows(db, query, error);
            if (!rows) return std::nullopt;
            std::istringstream lines(*rows);
            for (std::string line; std::getline(lines, line);) out += t + "|" + line + "\n";
        }
    }
    // Views and triggers as SQLite keeps their text, blanks collapsed.
    auto texts = sql_rows(db,
                          "SELECT type || '|' || name || '|' || sql FROM sqlite_master WHERE type "
                          "IN ('view', 'trigger') ORDER BY type, name",
                          error);
    if (!texts) return std::nullopt;
    std::string collapsed;
    for (char c : *texts) {
        if (c == ' ' || c == '\t' || c == '\r') {
            if (!collapsed.empty() && collapsed.back() != ' ') collapsed += ' ';
        } else {
            collapsed += c;
        }
    }
    return out + collapsed;
}

/// The tables of `before` ("table|n" lines) that `after` still has with fewer or more rows.
std::string rows_lost(const std::string& before, const std::string& after) {
    std::map<std::string, std::string> then;
    std::istringstream in(before);
    for (std::string line; std::getline(in, line);) {
        auto bar = line.rfind('|');
        if (bar != std::string::npos) then[line.substr(0, bar)] = line.substr(bar + 1);
    }
    std::string lost;
    std::istringstream now(after);
    for (std::string line; std::getline(now, line);) {
        auto bar = line.rfind('|');
        if (bar == std::string::npos) continue;
        auto it = then.find(line.substr(0, bar));
        if (it != then.end() && it->second != line.substr(bar + 1))
            lost += (lost.empty() ? "" : ", ") + it->first + " had " + it->second + " rows, now " +
                    line.substr(bar + 1);
    }
    return lost;
}

/// The lines of a revision file's `-- +upgrade DIALECT` (or downgrade) section.
std::string revision_section(const std::string& text, const std::string& which,
                             const std::string& dialect) {
    std::istringstream in(text);
    std::string out;
    bool inside = false;
    for (std::string line; std::getline(in, line);) {
        if (line.rfind("-- +", 0) == 0) {
            inside = line == "-- +" + which + " " + dialect;
            continue;
        }
        if (inside) out += line + "\n";
    }
    return out;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 3 && argc != 4) {
        std::cerr << "usage: script_runner AUTOGEN_BINARY SCRIPT.txt [sqlite|postgresql]\n";
        return 2;
    }
    fs::path binary = fs::absolute(argv[1]);
    fs::path script_path = argv[2];
    const std::string dialect = argc == 4 ? argv[3] : "sqlite";
    if (dialect != "sqlite" && dialect != "postgresql") {
        std::cerr << "unknown dialect '" << dialect << "': use sqlite or postgresql\n";
        return 2;
    }
    const bool is_case = script_path.extension() == ".case";
    autogen::test::CorpusCase corpus_case;
    std::string script_text = read_all(script_path);
    if (is_case) {
        std::string error;
        if (!autogen::test::translate_case(script_text, dialect, corpus_case, error)) {
            std::cerr << script_path.string() << ": " << error << "\n";
            return 2;
        }
        script_text = corpus_case.script;
    }
    Script script = parse_script(script_text);
    // The script's databases: the main one, and a second one for scripts that need it
    // (offline SQL applied elsewhere, a fresh deployment) — on SQLite db/other.sqlite3.
    PostgresDatabase postgres, other_postgres;
    if (dialect == "postgresql") {
        std::string error;
        const std::string& text = script_text;
        bool needs_other = text.find(kOtherSqlite) != std::string::npos ||
                           text.find("$OTHER_URL") != std::string::npos;
        if (!postgres.create(error) || (needs_other && !other_postgres.create(error))) {
            std::cerr << script_path.string() << ": " << error << "\n";
            return 1;
        }
    } else if (script_text.find("$PG_URL") != std::string::npos) {
        // A SQLite run that also needs PostgreSQL (a project serving both dialects).
        std::string error;
        if (!postgres.create(error)) {
            std::cerr << script_path.string() << ": " << error << "\n";
            return 1;
        }
    }
    // On PostgreSQL, the DB argument of sql/sqlfile/tables/... picks the database.
    auto database_for = [&](const std::string& db) -> const PostgresDatabase& {
        return db == kOtherSqlite ? other_postgres : postgres;
    };

    std::random_device rd;
    fs::path work = fs::temp_directory_path() /
                    ("autogen-cli-" + std::to_string(getpid()) + "-" + std::to_string(rd()));
    fs::path scratch = work.string() + ".out";
    fs::create_directories(work);
    fs::create_directories(scratch);
    for (const auto& [name, content] : script.files) {
        fs::create_directories((work / name).parent_path());
        // Embedded files may say $DIALECT too (e.g. "-- +upgrade $DIALECT" in a hand-written
        // revision).
        std::ofstream(work / name, std::ios::binary) << substitute(
            content, {{"DIALECT", dialect}, {"CR", "\r"}, {"LF", "\n"}, {"ESC", "\x1b"}});
    }

    // Fixed clock and no inherited database, so runs are reproducible.
    std::map<std::string, std::string> env{
        {"AUTOGEN_NOW", "2026-11-21T15:30:00Z"}, {"DATABASE_URL", ""}, {"CI", "true"}};
    if (dialect == "postgresql") env["DATABASE_URL"] = postgres.url();
    const std::map<std::string, std::string> variables{
        {"DIALECT", dialect},
        {"DATABASE_URL", env["DATABASE_URL"]},
        {"OTHER_URL",
         dialect == "postgresql" ? other_postgres.url() : std::string("sqlite:///") + kOtherSqlite},
        {"PG_URL", postgres.created() ? postgres.url() : std::string()},
        {"CR", "\r"},
        {"LF", "\n"},
        {"ESC", "\x1b"}};
    // For configs that name a PostgreSQL server (dev_url = "${PG_SERVER_URL}").
    if (postgres.created()) env["PG_SERVER_URL"] = postgres.server_url();
    std::ostringstream log;
    RunResult last;
    bool ok = true;
    std::string failure;

    for (const auto& entry : script.steps) {
        // Plain variables, not a structured binding: clang 14 cannot capture those in lambdas.
        const int number = entry.first;
        const std::string& step = entry.second;
        log << "> " << step << "\n";
        bool negate = false;
        std::string text = substitute(step, variables);
        static const std::regex kIf(R"(^if\s+(\S+)\s+(.*)$)");
        if (std::smatch cond; std::regex_match(text, cond, kIf)) {
            if (cond[1] != dialect) continue;
            text = cond[2];
        }
        if (text.rfind("! ", 0) == 0) {
            negate = true;
            text = text.substr(2);
        }
        int expected_code = 0;
        bool any_nonzero = false;
        static const std::regex kCode(R"(^\[(!?)(\d+)\]\s+(.*)$)");
        std::smatch m;
        if (std::regex_match(text, m, kCode)) {
            any_nonzero = m[1] == "!";
            expected_code = std::stoi(m[2]);
            text = m[3];
        }
        auto words = split_words(text);
        if (words.empty()) continue;
        const std::string& verb = words[0];
        auto fail = [&](const std::string& why) {
            ok = false;
            failure = script_path.string() + ":" + std::to_string(number) + ": " + why;
        };

        if (verb == "parallel") {
            std::size_t n = std::stoul(words.at(1));
            std::vector<std::string> args{binary.string()};
            args.insert(args.end(), words.begin() + 3, words.end());
            std::vector<pid_t> pids;
            for (std::size_t i = 0; i < n; ++i)
                pids.push_back(spawn(args, work, env, scratch, std::to_string(i)));
            last = RunResult{0, "", ""};
            for (std::size_t i = 0; i < n; ++i) {
                RunResult r = collect(pids[i], scratch, std::to_string(i));
                last.out += r.out;
                last.err += r.err;
                log << "[process " << i << "]\n"
                    << r.out << (r.err.empty() ? "" : "[stderr]\n" + r.err) << "[exit " << r.code
                    << "]\n";
                bool code_ok = any_nonzero ? r.code != 0 : r.code == expected_code;
                if (!code_ok)
                    fail("process " + std::to_string(i) + " exited " + std::to_string(r.code));
            }
        } else if (verb == "autogen" ||
                   (verb == "tty" && words.size() > 2 && words[2] == "autogen")) {
            const std::size_t first = verb == "tty" ? 3 : 1;
            std::vector<std::string> args{binary.string()};
            args.insert(args.end(), words.begin() + static_cast<std::ptrdiff_t>(first),
                        words.end());
            last = verb == "tty" ? run_in_terminal(args, work, env, scratch, words[1])
                                 : run_process(args, work, env, scratch);
            log << last.out << (last.err.empty() ? "" : "[stderr]\n" + last.err) << "[exit "
                << last.code << "]\n";
            bool code_ok = any_nonzero ? last.code != 0 : last.code == expected_code;
            if (!code_ok) {
                fail("exit code " + std::to_string(last.code) + ", expected " +
                     (any_nonzero ? std::string("non-zero") : std::to_string(expected_code)));
            }
        } else if (verb == "stdout" || verb == "stderr") {
            if (words.size() != 2) {
                fail("'" + verb + "' takes one quoted regex");
            } else {
                bool found = any_line_matches(verb == "stdout" ? last.out : last.err, words[1]);
                if (found == negate)
                    fail(verb + (negate ? " has" : " lacks") + " a line matching /" + words[1] +
                         "/");
            }
        } else if (verb == "exists") {
            bool found = !glob(work, words.at(1)).empty();
            if (found == negate) fail(words.at(1) + (negate ? " exists" : " does not exist"));
        } else if (verb == "grep") {
            auto matches = glob(work, words.at(2));
            if (matches.size() != 1) {
                fail(std::to_string(matches.size()) + " files match " + words.at(2) +
                     ", expected exactly 1");
            } else {
                bool found = any_line_matches(read_all(matches[0]), words.at(1));
                if (found == negate)
                    fail(words.at(2) + (negate ? " has" : " lacks") + " a line matching /" +
                         words.at(1) + "/");
            }
        } else if (verb == "count") {
            auto n = glob(work, words.at(2)).size();
            if (n != std::stoul(words.at(1)))
                fail(std::to_string(n) + " files match " + words.at(2) + ", expected " +
                     words.at(1));
        } else if (verb == "cp") {
            std::error_code ec;
            fs::create_directories((work / words.at(2)).parent_path());
            fs::copy_file(work / words.at(1), work / words.at(2),
                          fs::copy_options::overwrite_existing, ec);
            if (ec) fail("cp: " + ec.message());
        } else if (verb == "rm") {
            std::error_code ec;
            fs::remove(work / words.at(1), ec);
        } else if (verb == "cmp") {
            auto matches = glob(work, words.at(1));
            fs::path golden = script_path.parent_path() / words.at(2);
            if (matches.size() != 1) {
                fail(std::to_string(matches.size()) + " files match " + words.at(1) +
                     ", expected exactly 1");
            } else if (std::getenv("AUTOGEN_UPDATE_GOLDEN")) {
                fs::create_directories(golden.parent_path());
                std::ofstream(golden, std::ios::binary) << read_all(matches[0]);
                log << "(golden " << golden.string() << " rewritten)\n";
            } else if (read_all(matches[0]) != read_all(golden)) {
                std::string actual = read_all(matches[0]);
                log << "--- expected " << golden.string() << "\n"
                    << read_all(golden) << "--- actual " << matches[0].string() << "\n"
                    << actual;
                fail(words.at(1) + " differs from golden " + words.at(2) +
                     " (run with AUTOGEN_UPDATE_GOLDEN=1 to accept the new output)");
            }
        } else if (verb == "save") {
            std::error_code ignored;
            fs::create_directories((work / words.at(1)).parent_path(), ignored);
            std::ofstream(work / words.at(1), std::ios::binary) << last.out;
        } else if (verb == "append") {
            std::ofstream(work / words.at(1), std::ios::binary | std::ios::app)
                << words.at(2) << "\n";
        } else if (verb == "truncate") {
            auto matches = glob(work, words.at(1));
            if (matches.size() != 1) {
                fail(std::to_string(matches.size()) + " files match " + words.at(1) +
                     ", expected exactly 1");
            } else {
                std::istringstream in(read_all(matches[0]));
                std::string kept;
                for (std::string line;
                     std::getline(in, line) && !std::regex_search(line, std::regex(words.at(2)));) {
                    kept += line + "\n";
                }
                std::ofstream(matches[0], std::ios::binary | std::ios::trunc) << kept;
            }
        } else if (verb == "dialects") {
            if (std::find(words.begin() + 1, words.end(), dialect) == words.end()) {
                fail("this script does not declare dialect " + dialect);
            }
        } else if (verb == "sqlfile") {
            std::string error;
            std::string sql = read_all(work / words.at(2));
            bool done = dialect == "postgresql"
                            ? database_for(words.at(1)).rows(sql, error).has_value()
                            : sql_rows(work / words.at(1), sql, error).has_value();
            if (!done) fail("sqlfile: " + error);
        } else if (verb == "env") {
            auto eq = words.at(1).find('=');
            env[words.at(1).substr(0, eq)] = words.at(1).substr(eq + 1);
        } else if (verb == "tables" || verb == "indexes" || verb == "columns") {
            std::string query;
            if (dialect == "postgresql") {
                query = verb == "tables"    ? std::string(kPostgresTables)
                        : verb == "indexes" ? std::string(kPostgresIndexes)
                                            : "SELECT column_name FROM information_schema.columns "
                                              "WHERE table_name = '" +
                                                  words.at(2) + "' ORDER BY ordinal_position";
            } else {
                query = verb == "tables"    ? std::string(kSqliteTables)
                        : verb == "indexes" ? std::string(kSqliteIndexes)
                                            : "SELECT name FROM pragma_table_info('" + words.at(2) +
                                                  "') ORDER BY cid";
            }
            std::string error;
            auto rows = dialect == "postgresql" ? database_for(words.at(1)).rows(query, error)
                                                : sql_rows(work / words.at(1), query, error);
            if (!rows) {
                fail(verb + ": " + error);
            } else {
                last = RunResult{0, *rows, ""};
                log << *rows;
            }
        } else if (verb == "client") {
            std::error_code ignored;
            fs::create_directories((work / words.at(1)).parent_path(),
                                   ignored);  // sqlite3 creates no folders
            // As a DBA would run a script: stop at the first error; SQLite with foreign keys on.
            std::vector<std::string> args =
                dialect == "postgresql"
                    ? std::vector<std::string>{"/usr/bin/psql",
                                               "-X",
                                               "-q",
                                               "-v",
                                               "ON_ERROR_STOP=1",
                                               "-f",
                                               (work / words.at(2)).string(),
                                               database_for(words.at(1)).url()}
                    : std::vector<std::string>{
                          "/bin/sh", "-c",
                          "sqlite3 -bail -cmd 'PRAGMA foreign_keys = ON' \"$0\" < \"$1\"",
                          (work / words.at(1)).string(), (work / words.at(2)).string()};
            last = run_process(args, work, env, scratch);
            log << last.out << (last.err.empty() ? "" : "[stderr]\n" + last.err) << "[exit "
                << last.code << "]\n";
            if (any_nonzero ? last.code == 0 : last.code != expected_code)
                fail("client exited " + std::to_string(last.code));
        } else if (verb == "sql") {
            std::string error;
            auto rows = dialect == "postgresql" ? database_for(words.at(1)).rows(words.at(2), error)
                                                : sql_rows(work / words.at(1), words.at(2), error);
            if (negate) {
                // "! sql": the statement must be refused by the database.
                if (rows) fail("sql: the statement succeeded, expected the database to refuse it");
                last = RunResult{1, "", error};
                log << "[refused: " << error << "]\n";
            } else if (!rows) {
                fail("sql: " + error);
            } else {
                last = RunResult{0, *rows, ""};
                log << *rows;
            }
        } else if (verb == "same" || verb == "same-lines") {
            std::string saved = read_all(work / words.at(1)), now = last.out;
            if (verb == "same-lines") {
                saved = sorted_lines(saved);
                now = sorted_lines(now);
            }
            if (saved != now) {
                log << "--- " << words.at(1) << "\n"
                    << saved << "--- now\n"
                    << now << "--- first difference: " << first_difference(saved, now) << "\n";
                fail("the last stdout differs from " + words.at(1));
            }
        } else if (verb == "counts" || verb == "catalog") {
            // Rows per table, or the catalog as the database itself reads it: the last
            // output, for `save` and `same`.
            const bool counts = verb == "counts";
            std::string error;
            auto rows = dialect == "postgresql" ? (counts ? postgres_row_counts : postgres_catalog)(
                                                      database_for(words.at(1)), error)
                                                : (counts ? sqlite_row_counts : sqlite_catalog)(
                                                      work / words.at(1), error);
            if (!rows) {
                fail(verb + ": " + error);
            } else {
                last = RunResult{0, *rows, ""};
                log << *rows;
            }
        } else if (verb == "kept") {
            const std::string lost = rows_lost(read_all(work / words.at(1)), last.out);
            if (!lost.empty()) fail("rows lost: " + lost);
        } else if (verb == "up" || verb == "down") {
            auto matches = glob(work, words.at(2));
            if (matches.size() != 1) {
                fail(std::to_string(matches.size()) + " files match " + words.at(2) +
                     ", expected exactly 1");
            } else {
                const std::string section = revision_section(
                    read_all(matches[0]), verb == "up" ? "upgrade" : "downgrade", dialect);
                bool found = any_line_matches(section, words.at(1));
                if (found == negate)
                    fail("the " + std::string(verb == "up" ? "upgrade" : "downgrade") +
                         " section of " + words.at(2) + (negate ? " has" : " lacks") +
                         " a line matching /" + words.at(1) + "/");
            }
        } else {
            fail("unknown step '" + verb + "'");
        }
        if (!ok) break;
    }

    std::error_code ec;
    if (corpus_case.xfail) {
        // A known bug: the case must fail, and a case that passes says the bug is gone.
        fs::remove_all(scratch, ec);
        if (ok) {
            fs::remove_all(work, ec);
            std::cerr << "XPASS " << script_path.string() << " [" << dialect
                      << "]: the case passes now; remove its xfail line (" +
                             corpus_case.xfail_reason + ")\n";
            return 1;
        }
        std::cout << log.str() << "\nexpected failure " << failure << "\nXFAIL "
                  << script_path.filename().string() << " [" << dialect
                  << "]: " << corpus_case.xfail_reason << "\n";
        fs::remove_all(work, ec);
        return 0;
    }
    if (!ok) {
        std::cerr << log.str() << "\nFAILED " << failure << "\n(work folder kept: " << work
                  << ")\n";
    } else {
        fs::remove_all(work, ec);
    }
    fs::remove_all(scratch, ec);
    if (ok) {
        std::cout << "PASS " << script_path.filename().string() << " [" << dialect << "] ("
                  << script.steps.size() << " steps)\n";
    }
    return ok ? 0 : 1;
}
