// postgres_leftover_of (postgres_leftovers.hpp). A CREATE INDEX CONCURRENTLY that fails
// or is killed after its first phase leaves the index in the catalog marked INVALID: it
// takes space, slows every write, is never used by a query, and a plain re-run fails
// ("already exists") while IF NOT EXISTS would skip it silently. So the index is
// looked up by name first: valid = the build completed; INVALID = dropped and built
// again.
#include "db/postgres_leftovers.hpp"

#include <vector>

#include "support/sql_index_statements.hpp"
#include "support/sql_scanner.hpp"
#include "support/text.hpp"

namespace autogen::db {

namespace {

/// The name as a regclass literal's text: each part in double quotes.
std::string regclass_text(const std::vector<std::string>& parts) {
    std::vector<std::string> quoted;
    for (const auto& p : parts) quoted.push_back(support::quoted(p, '"'));
    return support::join_with(quoted, ".");
}

}  // namespace

std::optional<Leftover> postgres_leftover_of(Connection& conn, std::string_view statement,
                                             support::Diagnostics& diags) {
    const auto tokens = support::tokenize(statement, support::SqlQuoting::postgresql());
    const support::TokenRange r{tokens.data(), tokens.data() + tokens.size()};
    if (auto index = support::read_create_index(r);
        index && index->concurrently && !index->name.empty()) {
        std::vector<std::string> parts;
        if (!index->schema.empty()) parts.push_back(index->schema);
        parts.push_back(index->name);
        const std::string name = regclass_text(parts);
        auto rows = conn.query(
            "SELECT i.indisvalid FROM pg_catalog.pg_index i WHERE i.indexrelid = to_regclass($1)",
            {name}, diags);
        if (!rows) return std::nullopt;
        if (rows->rows.empty()) return Leftover{};
        if (rows->rows[0][0] == std::optional<std::string>("t"))
            return Leftover{Leftover::State::Done, "index " + name + " exists and is valid", {}};
        return Leftover{Leftover::State::Broken,
                        "index " + name + " was left INVALID by the interrupted build",
                        "DROP INDEX CONCURRENTLY IF EXISTS " + name};
    }
    if (auto drop = support::read_drop_index(r);
        drop && drop->concurrently && drop->names.size() == 1) {
        const std::string name = regclass_text(drop->names.front());
        auto rows = conn.query("SELECT to_regclass($1) IS NULL", {name}, diags);
        if (!rows) return std::nullopt;
        if (!rows->rows.empty() && rows->rows[0][0] == std::optional<std::string>("t"))
            return Leftover{Leftover::State::Done, "index " + name + " is gone", {}};
    }
    return Leftover{};
}

std::vector<std::string> postgres_lock_holders(Connection& conn, support::Diagnostics& diags) {
    // The lock our statement waited for was released when lock_timeout cancelled it,
    // so pg_blocking_pids() no longer names the blocker; the sessions that still hold
    // table locks in this database, oldest transaction first, do (a long transaction
    // or one left idle is the usual culprit).
    auto rows = conn.query(
        "SELECT a.pid, coalesce(a.state, '?'), "
        "coalesce(extract(epoch FROM now() - a.xact_start)::bigint, 0), "
        "string_agg(DISTINCT l.relation::regclass::text, ', '), "
        "left(regexp_replace(coalesce(a.query, ''), '\\s+', ' ', 'g'), 160) "
        "FROM pg_catalog.pg_locks l JOIN pg_catalog.pg_stat_activity a ON a.pid = l.pid "
        "WHERE l.locktype = 'relation' AND l.granted AND a.pid <> pg_backend_pid() "
        "AND l.database = (SELECT oid FROM pg_catalog.pg_database WHERE datname = "
        "current_database()) "
        "AND l.relation NOT IN (SELECT oid FROM pg_catalog.pg_class WHERE relnamespace = "
        "'pg_catalog'::regnamespace) "
        "GROUP BY a.pid, a.state, a.xact_start, a.query ORDER BY a.xact_start NULLS LAST LIMIT 3",
        {}, diags);
    std::vector<std::string> out;
    if (!rows) return out;
    for (const auto& r : rows->rows) {
        auto cell = [&](std::size_t i) { return i < r.size() && r[i] ? *r[i] : std::string(); };
        out.push_back("pid " + cell(0) + ", " + cell(1) + " for " + cell(2) +
                      " s, holding locks on " + cell(3) + (cell(4).empty() ? "" : ": " + cell(4)));
    }
    return out;
}

}  // namespace autogen::db
