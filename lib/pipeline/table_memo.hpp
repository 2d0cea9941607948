// The per-table memo of materialised schemas. A table's read-back form (what a
// dialect's database makes of it: normalised types, defaults, expressions) depends on
// the statements that create it alone, the enum types it names among them, and the
// server that runs them; not on the other tables. So each table is materialised once
// per distinct definition and remembered by that key: after one model changes, only
// that table is created in a scratch database again, not the whole schema.
//
// Entries live in one file per (build, dialect, server, inspect options) in the scan
// cache's folder: <cache>/tables-<hash>.bin. docs/performance.md has the figures and
// docs/caching.md the rules.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "dialect/dialect.hpp"
#include "schema/schema.hpp"
#include "support/config.hpp"

namespace autogen::pipeline {

/// The key of `table` (lowered, a table of `lowered`) for `dialect` on `server`: a hash
/// of the statements its planner writes to create it alone, with the enum types it
/// names. Build-independent (a committed autogen.sum records it), so two builds that
/// write the same statements share it. Empty after a planning error.
std::string table_key(const dialect::Dialect& dialect, const std::string& server,
                      const schema::Schema& lowered, const schema::Table& table,
                      support::Diagnostics& diags);

/// The key of the enum types of a lowered schema for `dialect` on `server` (a dialect
/// may read back no enum type at all: SQLite stores none).
std::string enums_key(const std::string& dialect, const std::string& server,
                      const std::vector<schema::Enum>& lowered);

/// A digest of a read-back table as comparisons see it (every field, source locations
/// and rename declarations aside): equal digests, equal tables.
std::string table_digest(const schema::Table& table);

/// A digest of the enum types a schema reads back (in the order read).
std::string enums_digest(const std::vector<schema::Enum>& enums);

class TableMemo {
  public:
    /// The memo of `dialect` on `server` under `config` (empty when there is none yet,
    /// it is unreadable, or caching is off: AUTOGEN_NO_CACHE).
    static TableMemo load(const support::Config& config, const std::string& dialect,
                          const std::string& server);

    const schema::Table* find_table(const std::string& key) const;
    const std::vector<schema::Enum>* find_enums(const std::string& key) const;
    void add_table(const std::string& key, schema::Table table);
    void add_enums(const std::string& key, std::vector<schema::Enum> enums);

    /// Writes the memo back when something was added; failures are silent (a cache).
    /// Keeps at most `keep` entries besides the ones found or added by this process
    /// (older schemas' tables, for switching branches), dropping the rest.
    void save(std::size_t keep) const;

  private:
    struct Entry {
        std::size_t index;  ///< into tables_ or enum_sets_
        bool used = false;  ///< found or added in this process
    };
    std::filesystem::path path_;
    std::vector<schema::Table> tables_;
    std::vector<std::vector<schema::Enum>> enum_sets_;
    mutable std::unordered_map<std::string, Entry> table_at_;
    mutable std::unordered_map<std::string, Entry> enums_at_;
    bool changed_ = false;
};

}  // namespace autogen::pipeline
