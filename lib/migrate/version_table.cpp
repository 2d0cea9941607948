// The version table: plain portable SQL (SQLite and PostgreSQL), "$N" parameters
// written in ascending order (SQLite numbers "$N" names by first appearance, so the
// same text binds the same way on both), RETURNING to count the rows each change hit.
#include "migrate/version_table.hpp"

#include <algorithm>
#include <chrono>
#include <ctime>
#include <map>

#include "migrate/revision_stamp.hpp"
#include "support/sql_scanner.hpp"

namespace autogen::migrate {

using support::Category;

// support::quoted, not codegen's quote_identifier (the same call): the runtime library
// links no planner code.
std::string VersionTable::quoted() const { return support::quoted(name_, '"'); }

std::string VersionTable::quoted_log() const { return support::quoted(log_name(), '"'); }

std::string VersionTable::create_sql() const {
    return "CREATE TABLE IF NOT EXISTS " + quoted() +
           " (\"version_num\" VARCHAR(64) NOT NULL PRIMARY KEY, \"applied_at\" VARCHAR(32), "
           "\"checksum\" VARCHAR(64));\n"
           "CREATE TABLE IF NOT EXISTS " +
           quoted_log() +
           " (\"revision\" VARCHAR(64) NOT NULL PRIMARY KEY, \"checksum\" VARCHAR(64), "
           "\"applied_at\" VARCHAR(32))";
}

bool VersionTable::ensure(db::Connection& conn, support::Diagnostics& diags) const {
    return conn.execute(create_sql(), diags);
}

std::string VersionTable::lock_sql() const {
    return "UPDATE " + quoted() + " SET \"version_num\" = \"version_num\"";
}

bool VersionTable::lock(db::Connection& conn, support::Diagnostics& diags) const {
    return conn.execute(lock_sql(), diags);
}

std::optional<bool> VersionTable::exists(db::Connection& conn, support::Diagnostics& diags) const {
    return conn.has_table(name_, diags);
}

std::optional<std::vector<std::string>> VersionTable::heads(db::Connection& conn,
                                                            support::Diagnostics& diags) const {
    auto rows = conn.query("SELECT \"version_num\" FROM " + quoted() + " ORDER BY \"version_num\"",
                           {}, diags);
    if (!rows) return std::nullopt;
    std::vector<std::string> out;
    for (const auto& row : rows->rows) {
        if (!row.empty() && row[0]) out.push_back(*row[0]);
    }
    return out;
}

std::optional<std::vector<std::pair<std::string, std::string>>> VersionTable::checksums(
    db::Connection& conn, support::Diagnostics& diags) const {
    auto heads = conn.query(
        "SELECT \"version_num\", \"checksum\" FROM " + quoted() + " ORDER BY \"version_num\"", {},
        diags);
    if (!heads) return std::nullopt;
    std::map<std::string, std::string> by_id;
    for (const auto& row : heads->rows) {
        if (row.size() >= 2 && row[0]) by_id[*row[0]] = row[1].value_or("");
    }
    // The log is missing in a database migrated by an older autogen: then the heads are
    // all we know. A log that exists but cannot be read is an error, not an empty log.
    auto has_log = conn.has_table(name_ + "_log", diags);
    if (!has_log) return std::nullopt;
    if (*has_log) {
        auto log = conn.query("SELECT \"revision\", \"checksum\" FROM " + quoted_log(), {}, diags);
        if (!log) return std::nullopt;
        for (const auto& row : log->rows) {
            if (row.size() >= 2 && row[0]) by_id[*row[0]] = row[1].value_or("");
        }
    }
    return std::vector<std::pair<std::string, std::string>>(by_id.begin(), by_id.end());
}

std::optional<VersionState> VersionTable::read_state(db::Connection& conn) const {
    support::Diagnostics quiet;
    auto rows =
        conn.query("SELECT 'head', \"version_num\", \"checksum\" FROM " + quoted() +
                       " UNION ALL SELECT 'log', \"revision\", \"checksum\" FROM " + quoted_log(),
                   {}, quiet);
    if (!rows) return std::nullopt;
    VersionState state;
    // The heads' own checksums first, the log's over them: as checksums() merges them.
    std::map<std::string, std::string> by_id;
    std::map<std::string, std::string> logged;
    for (const auto& row : rows->rows) {
        if (row.size() < 3 || !row[0] || !row[1]) continue;
        if (*row[0] == "head") {
            state.heads.push_back(*row[1]);
            by_id[*row[1]] = row[2].value_or("");
        } else {
            logged[*row[1]] = row[2].value_or("");
        }
    }
    for (auto& [id, checksum] : logged) by_id[id] = std::move(checksum);
    std::sort(state.heads.begin(), state.heads.end());
    state.checksums.assign(by_id.begin(), by_id.end());
    return state;
}

std::vector<VersionChange> VersionTable::plan_log(const std::string& id,
                                                  const std::string& checksum, Direction direction,
                                                  const std::string& applied_at) const {
    std::vector<VersionChange> out;
    out.push_back(
        {"DELETE FROM " + quoted_log() + " WHERE \"revision\" = $1", {id}, "forgetting " + id});
    if (direction == Direction::Upgrade) {
        out.push_back({"INSERT INTO " + quoted_log() +
                           " (\"revision\", \"checksum\", \"applied_at\") VALUES ($1, $2, $3)",
                       {id, checksum.empty() ? std::nullopt : std::optional<std::string>(checksum),
                        applied_at},
                       "logging " + id});
    }
    return out;
}

bool VersionTable::log(db::Connection& conn, const std::string& id, const std::string& checksum,
                       Direction direction, support::Diagnostics& diags) const {
    for (const auto& change :
         plan_log(id, checksum, direction, format_created(std::chrono::system_clock::now()))) {
        if (!conn.query(change.sql, change.params, diags)) return false;
    }
    return true;
}

std::vector<VersionChange> VersionTable::plan_move(const std::vector<std::string>& from,
                                                   const std::vector<std::string>& to,
                                                   const std::vector<std::string>& checksums,
                                                   const std::string& applied_at) const {
    auto checksum_of = [&](std::size_t i) -> std::optional<std::string> {
        if (i < checksums.size() && !checksums[i].empty()) return checksums[i];
        return std::nullopt;
    };
    std::vector<VersionChange> out;
    std::size_t paired = std::min(from.size(), to.size());
    for (std::size_t i = 0; i < paired; ++i) {
        out.push_back({"UPDATE " + quoted() +
                           " SET \"version_num\" = $1, \"applied_at\" = $2, \"checksum\" = $3"
                           " WHERE \"version_num\" = $4",
                       {to[i], applied_at, checksum_of(i), from[i]},
                       "moving " + from[i] + " to " + to[i]});
    }
    for (std::size_t i = paired; i < from.size(); ++i) {
        out.push_back({"DELETE FROM " + quoted() + " WHERE \"version_num\" = $1",
                       {from[i]},
                       "removing " + from[i]});
    }
    for (std::size_t i = paired; i < to.size(); ++i) {
        out.push_back({"INSERT INTO " + quoted() +
                           " (\"version_num\", \"applied_at\", \"checksum\") VALUES ($1, $2, $3)",
                       {to[i], applied_at, checksum_of(i)},
                       "adding " + to[i]});
    }
    return out;
}

bool VersionTable::move(db::Connection& conn, const std::vector<std::string>& from,
                        const std::vector<std::string>& to,
                        const std::vector<std::string>& checksums,
                        support::Diagnostics& diags) const {
    // Every change must hit exactly one row; anything else means the table moved
    // under us (a concurrent migrator, a hand edit) and the transaction is abandoned.
    for (const auto& change :
         plan_move(from, to, checksums, format_created(std::chrono::system_clock::now()))) {
        auto rows = conn.query(change.sql + " RETURNING \"version_num\"", change.params, diags);
        if (!rows) return false;
        if (rows->rows.size() != 1) {
            diags.error(Category::Database,
                        "version table " + quoted() + ": " + change.what + " changed " +
                            std::to_string(rows->rows.size()) + " rows instead of 1",
                        {},
                        "another migrator or a manual change moved the version; check `autogen "
                        "current` and run again");
            return false;
        }
    }
    return true;
}

}  // namespace autogen::migrate
