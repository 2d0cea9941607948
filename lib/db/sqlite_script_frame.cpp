// SQLite's ScriptFrame: the statements of SqliteConnection::begin/commit for a script
// run by sqlite3. SQLite has no statement that raises an error of its own outside a
// trigger, so a check inserts its count into a temporary table whose CHECK constraint
// is named after the problem; INSERT OR ROLLBACK ends the transaction when it fails.
#include "db/script_frame.hpp"
#include "support/sql_scanner.hpp"

namespace autogen::db {

namespace {

std::string fail_unless_zero(const std::string& count_sql, const std::string& what) {
    // Made anew for each check: the constraint's name is the check's message.
    return "DROP TABLE IF EXISTS temp.\"autogen_check\";\n"
           "CREATE TEMP TABLE \"autogen_check\" (\"count\" INTEGER CONSTRAINT " +
           support::quoted(what, '"') +
           " CHECK (\"count\" = 0));\n"
           "INSERT OR ROLLBACK INTO temp.\"autogen_check\" (\"count\") " +
           count_sql + ";\n";
}

}  // namespace

ScriptFrame sqlite_script_frame() {
    ScriptFrame f;
    f.begin = "PRAGMA foreign_keys = OFF;\nBEGIN IMMEDIATE;\n";
    f.commit =
        fail_unless_zero("SELECT count(*) FROM pragma_foreign_key_check",
                         "autogen: rows break a foreign key (PRAGMA foreign_key_check lists them); "
                         "rolled back") +
        "COMMIT;\nPRAGMA foreign_keys = ON;\n";
    f.fail_unless_zero = fail_unless_zero;
    f.now = "strftime('%Y-%m-%dT%H:%M:%SZ', 'now')";
    f.run_hint = "sqlite3 -bail DATABASE < FILE";
    return f;
}

}  // namespace autogen::db
