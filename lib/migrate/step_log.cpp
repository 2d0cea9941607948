// The step log (step_log.hpp): portable SQL, "$N" parameters in ascending order, as the
// version table writes them.
#include "migrate/step_log.hpp"

#include <chrono>

#include "migrate/revision_stamp.hpp"
#include "migrate/sha256.hpp"
#include "support/sql_scanner.hpp"

namespace autogen::migrate {

std::string statement_key(std::string_view sql, unsigned occurrence) {
    return sha256_hex(sql) + ":" + std::to_string(occurrence);
}

std::string StepLog::quoted() const { return support::quoted(name_, '"'); }

bool StepLog::ensure(db::Connection& conn, support::Diagnostics& diags) const {
    return conn.execute("CREATE TABLE IF NOT EXISTS " + quoted() +
                            " (\"revision\" VARCHAR(64) NOT NULL, \"direction\" VARCHAR(16) NOT "
                            "NULL, \"statement\" VARCHAR(80) NOT NULL, \"line\" INTEGER, "
                            "\"done_at\" VARCHAR(32), PRIMARY KEY (\"revision\", \"direction\", "
                            "\"statement\"))",
                        diags);
}

std::optional<SectionProgress> StepLog::read(db::Connection& conn, const std::string& revision,
                                             Direction direction,
                                             support::Diagnostics& diags) const {
    SectionProgress progress;
    auto rows = conn.query(
        "SELECT \"statement\" FROM " + quoted() + " WHERE \"revision\" = $1 AND \"direction\" = $2",
        {revision, std::string(to_string(direction))}, diags);
    if (!rows) return std::nullopt;
    for (const auto& row : rows->rows) {
        progress.started = true;
        if (!row.empty() && row[0] && !row[0]->empty()) progress.done.insert(*row[0]);
    }
    return progress;
}

bool StepLog::mark(db::Connection& conn, const std::string& revision, Direction direction,
                   const std::string& key, unsigned line, support::Diagnostics& diags) const {
    return conn
        .query("INSERT INTO " + quoted() +
                   " (\"revision\", \"direction\", \"statement\", \"line\", \"done_at\") "
                   "VALUES ($1, $2, $3, $4, $5)",
               {revision, std::string(to_string(direction)), key, std::to_string(line),
                format_created(std::chrono::system_clock::now())},
               diags)
        .has_value();
}

bool StepLog::clear(db::Connection& conn, const std::string& revision,
                    support::Diagnostics& diags) const {
    return conn.query("DELETE FROM " + quoted() + " WHERE \"revision\" = $1", {revision}, diags)
        .has_value();
}

}  // namespace autogen::migrate
