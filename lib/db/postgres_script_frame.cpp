// PostgreSQL's ScriptFrame: the session-level advisory lock that
// PostgresConnection::lock_migrations takes (same key), plain BEGIN/COMMIT (foreign keys
// are checked by the server), and checks as DO blocks that RAISE.
#include "db/postgres_connection.hpp"
#include "db/script_frame.hpp"
#include "support/sql_scanner.hpp"

namespace autogen::db {

ScriptFrame postgres_script_frame(std::string_view lock_key) {
    ScriptFrame f;
    const std::string key = std::to_string(migration_lock_key(lock_key));
    f.lock = "SELECT pg_advisory_lock(" + key + ");\n";
    f.unlock = "SELECT pg_advisory_unlock(" + key + ");\n";
    f.begin = "BEGIN;\n";
    f.commit = "COMMIT;\n";
    f.fail_unless_zero = [](const std::string& count_sql, const std::string& what) {
        return "DO $autogen$ BEGIN IF (" + count_sql + ") <> 0 THEN RAISE EXCEPTION '%', " +
               support::quoted(what, '\'') + "; END IF; END $autogen$;\n";
    };
    f.run_hint = "psql -v ON_ERROR_STOP=1 -f FILE URL";
    f.now = "to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')";
    return f;
}

}  // namespace autogen::db
