// The SQLite dialect (sqlite_dialect.hpp).
#include "dialect/sqlite_dialect.hpp"

#include "codegen/sqlite_ddl.hpp"
#include "codegen/sqlite_planner.hpp"
#include "db/sqlite_connection.hpp"
#include "diff/sqlite_rules.hpp"
#include "introspect/sqlite_impact.hpp"
#include "introspect/sqlite_inspector.hpp"
#include "lint/sqlite_lint.hpp"

namespace autogen::dialect {

Dialect make_sqlite_dialect() {
    Dialect sqlite = dialect_from(db::sqlite_endpoint());
    // The chain replays in an in-memory database: a dev database would never be used.
    sqlite.refuse_dev_url = [](const std::string& from, support::Diagnostics& diags) {
        diags.error(
            support::Category::Usage,
            from +
                " names a SQLite database, but SQLite replays the migration chain in memory "
                "and never uses a dev database",
            {},
            "remove " + from +
                "; it is for PostgreSQL: a server where autogen may create a "
                "temporary database");
        return true;
    };
    sqlite.new_project = {.url = "${DATABASE_URL:-sqlite:///db/app.sqlite3}",
                          .gitignore = {"/db/app.sqlite3", "/db/app.sqlite3-*"},
                          .upgrade_target = "db/app.sqlite3"};
    sqlite.scratch = [](const support::Config&, support::Diagnostics& diags) {
        return db::open_sqlite(":memory:", diags);
    };
    // No scratch_peer: an in-memory database is one connection's own. Opening another
    // costs microseconds, and small ones keep creation linear (Dialect).
    sqlite.scratch_tables_per_database = 100;
    sqlite.scratch_ready = [](const support::Config&, support::Diagnostics&) { return true; };
    sqlite.server_identity = [](const support::Config&) { return db::sqlite_library_version(); };
    sqlite.script_frame = [](const std::string&) { return db::sqlite_script_frame(); };
    sqlite.default_primary_key_name = [](const std::string&) { return std::string(); };
    // By affinity, what the column stores: an "INT" key holds integers. NUMERIC (DECIMAL,
    // a date's TIMESTAMP ...) stays a string: its values may be text, and the
    // exact digits of a decimal must not pass through a double.
    sqlite.closest_logical = [](const std::string& sql_type) {
        const std::string a = codegen::sqlite::affinity(sql_type);
        if (a == "INTEGER") return schema::Logical::BigInt;
        if (a == "REAL") return schema::Logical::Double;
        if (a == "BLOB") return schema::Logical::Blob;
        return schema::Logical::None;
    };
    sqlite.inspector = introspect::make_sqlite_inspector();
    sqlite.rules = diff::make_sqlite_rules();
    sqlite.planner = codegen::make_sqlite_planner();
    sqlite.impact = introspect::make_sqlite_impact_counter();
    sqlite.lint = lint::make_sqlite_lint_rules();
    return sqlite;
}

}  // namespace autogen::dialect
