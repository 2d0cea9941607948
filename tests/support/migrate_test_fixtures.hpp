// Test helpers for lib/migrate tests: revision file texts and chains of them on disk.
#pragma once

#include <string>
#include <vector>

#include "tests/support/temp_dir.hpp"

namespace autogen::migrate::fixtures {

/// The text of a revision file with one sqlite section pair.
inline std::string revision_text(const std::string& id, const std::string& down,
                                 const std::string& message, const std::string& upgrade_sql,
                                 const std::string& downgrade_sql,
                                 const std::string& extra_header = "") {
    return "-- autogen revision\n-- revision: " + id + "\n-- down_revision: " + down +
           "\n-- message: " + message + "\n-- created: 2026-11-21T15:30:00Z\n" + extra_header +
           "\n-- +upgrade sqlite\n" + upgrade_sql + "\n\n-- +downgrade sqlite\n" + downgrade_sql +
           "\n";
}

/// Writes `text` as migrations/<name>.sql under `dir`.
inline void add(const testing::TempDir& dir, const std::string& name, const std::string& text) {
    dir.write("migrations/" + name + ".sql", text);
}

/// A linear chain a1 -> b2 -> c3: users table, then a phone column, then an index.
inline void linear_chain(const testing::TempDir& dir) {
    add(dir, "001_a1",
        revision_text(
            "a1a1a1a1a1a1", "none", "create users",
            "CREATE TABLE \"users\" (\"id\" INTEGER PRIMARY KEY, \"email\" TEXT NOT NULL);",
            "DROP TABLE \"users\";"));
    add(dir, "002_b2",
        revision_text("b2b2b2b2b2b2", "a1a1a1a1a1a1", "add user phone",
                      "ALTER TABLE \"users\" ADD COLUMN \"phone\" VARCHAR(20);",
                      "ALTER TABLE \"users\" DROP COLUMN \"phone\";"));
    add(dir, "003_c3",
        revision_text("c3c3c3c3c3c3", "b2b2b2b2b2b2", "index email",
                      "CREATE INDEX \"ix_users_email\" ON \"users\" (\"email\");",
                      "DROP INDEX \"ix_users_email\";"));
}

}  // namespace autogen::migrate::fixtures
