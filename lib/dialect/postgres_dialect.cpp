// The PostgreSQL dialect (postgres_dialect.hpp).
#include "dialect/postgres_dialect.hpp"

#include <map>
#include <mutex>

#include "codegen/postgres_lowering.hpp"
#include "codegen/postgres_planner.hpp"
#include "db/postgres_connection.hpp"
#include "db/postgres_url.hpp"
#include "diff/postgres_rules.hpp"
#include "introspect/postgres_impact.hpp"
#include "introspect/postgres_inspector.hpp"
#include "lint/postgres_lint.hpp"

namespace autogen::dialect {

namespace {

/// A URL the user gave, parsed as the registry parses it: a malformed URL of any dialect
/// reports its own error. Built once, on first use.
std::optional<db::DatabaseUrl> parse_any_url(const std::string& url,
                                             const std::filesystem::path& base_dir,
                                             support::Diagnostics& diags) {
    static const DialectRegistry all = make_dialect_registry();
    return all.parse_url(url, base_dir, diags);
}

/// A PostgreSQL scratch database lives on `[database] dev_url` (or --dev-url) when set,
/// else, for the commands that may write (scratch_on_url), on the server of the
/// effective URL when that is a PostgreSQL one (its user needs CREATEDB). Without
/// either there is no server to replay the chain on.
std::optional<db::DatabaseUrl> postgres_scratch_server(const support::Config& config,
                                                       support::Diagnostics& diags) {
    const std::string& server = !config.database.dev_url.empty() ? config.database.dev_url
                                : config.database.scratch_on_url ? config.database.url
                                                                 : config.database.dev_url;
    auto url = server.empty() ? std::nullopt : parse_any_url(server, config.root, diags);
    if (!url || url->scheme != "postgresql") {
        const bool live_server_refused = !config.database.scratch_on_url &&
                                         config.database.dev_url.empty() &&
                                         config.database.url.rfind("postgres", 0) == 0;
        if (!diags.has_errors() && live_server_refused) {
            diags.error(support::Category::Config,
                        "no [database] dev_url: this command only reads, so it creates no scratch "
                        "database on the "
                        "server of the database URL",
                        support::SourceLocation{config.file.string()},
                        "set [database] dev_url (or pass --dev-url) to a PostgreSQL server where "
                        "autogen may create "
                        "and drop a temporary database; --dev-url \"$DATABASE_URL\" says the live "
                        "server may be used");
        } else if (!diags.has_errors()) {
            diags.error(support::Category::Config,
                        "the postgresql dialect needs a PostgreSQL server for its scratch "
                        "database, and none is configured",
                        support::SourceLocation{config.file.string()},
                        "set [database] dev_url = \"postgresql://user@localhost/postgres\" (or "
                        "pass --dev-url), "
                        "a server where autogen may create and drop a temporary database");
        }
        return std::nullopt;
    }
    return url;
}

std::unique_ptr<db::Connection> open_postgres_scratch(const support::Config& config,
                                                      support::Diagnostics& diags) {
    auto url = postgres_scratch_server(config, diags);
    if (!url) return nullptr;
    return db::open_postgres_scratch(*url, diags);
}

/// What scratch databases need to know of a server, asked with one connection and one
/// query, once per URL per process: check asks whether it may create scratch databases
/// and every cache key asks the server's version, several times a run.
struct ServerFacts {
    bool answered = false;
    std::vector<support::Diagnostic> why;  ///< why not, when it did not answer
    std::string version;                   ///< SELECT version()
    bool may_create = false;               ///< its user may create databases
};

/// The facts of the server `url` (`text` as configured); when it does not answer, why
/// goes to `diags` (asked once too: a server that does not answer may take a connect
/// timeout each time).
const ServerFacts& server_facts(const db::DatabaseUrl& url, const std::string& text,
                                support::Diagnostics& diags) {
    // Read-aheads ask from their own threads (pipeline/snapshot_read_ahead.hpp).
    static std::mutex guard;
    const std::lock_guard lock(guard);
    static std::map<std::string, ServerFacts> known;
    auto it = known.find(text);
    if (it == known.end()) {
        ServerFacts facts;
        support::Diagnostics asked;
        if (auto conn = db::open_postgres(url, asked, db::Access::ReadOnly)) {
            auto rows = conn->query(
                "SELECT pg_catalog.version(), (SELECT rolcreatedb OR rolsuper FROM "
                "pg_catalog.pg_roles WHERE rolname = current_user)",
                {}, asked);
            if (rows && !rows->rows.empty() && rows->rows[0].size() == 2 && rows->rows[0][0]) {
                facts.answered = true;
                facts.version = *rows->rows[0][0];
                facts.may_create = rows->rows[0][1] == std::optional<std::string>("t");
            }
        }
        if (!facts.answered) facts.why = asked.items();
        it = known.emplace(text, std::move(facts)).first;
    }
    for (const auto& d : it->second.why) diags.report(d);
    return it->second;
}

/// The server answers and its user may create databases: what open_postgres_scratch
/// needs, checked without creating and dropping a database.
bool postgres_scratch_ready(const support::Config& config, support::Diagnostics& diags) {
    auto url = postgres_scratch_server(config, diags);
    if (!url) return false;
    const std::string& text =
        !config.database.dev_url.empty() ? config.database.dev_url : config.database.url;
    const auto& facts = server_facts(*url, text, diags);
    if (!facts.answered) return false;
    if (!facts.may_create) {
        diags.error(support::Category::Database,
                    "cannot create a scratch database on " + url->redacted() +
                        ": its user may not create databases",
                    {},
                    "grant it CREATEDB (ALTER ROLE ... CREATEDB), or set [database] dev_url to a "
                    "server where it may");
        return false;
    }
    return true;
}

/// `SELECT version()` of the server scratch databases use (dev_url, else url: the same
/// server materialised_key names); empty when there is no such PostgreSQL server or it
/// does not answer.
std::string postgres_server_identity(const support::Config& config) {
    const std::string& server =
        !config.database.dev_url.empty() ? config.database.dev_url : config.database.url;
    support::Diagnostics quiet;
    auto url = parse_any_url(server, config.root, quiet);
    if (!url || url->scheme != "postgresql") return {};
    return server_facts(*url, server, quiet).version;
}

}  // namespace

Dialect make_postgres_dialect() {
    Dialect postgres = dialect_from(db::postgres_endpoint());
    postgres.new_project = {.url = "${DATABASE_URL:-postgresql://localhost/app}",
                            .gitignore = {},
                            .upgrade_target = "$DATABASE_URL"};
    postgres.scratch = open_postgres_scratch;
    postgres.scratch_peer = db::open_postgres_scratch_peer;
    // No share limit yet (scratch_tables_per_database): a foreign key adds triggers to
    // the table it references, and each new one makes the server reload that table's
    // whole trigger list, so N keys to one table cost O(N^2); shares of ~500 tables
    // should win past a few thousand tables, but that is not measured yet
    // (docs/performance.md, 10,000 tables).
    postgres.scratch_ready = postgres_scratch_ready;
    postgres.server_identity = postgres_server_identity;
    postgres.script_frame = [](const std::string& key) { return db::postgres_script_frame(key); };
    postgres.max_identifier_length = 63;
    postgres.default_primary_key_name = [](const std::string& table) {
        return codegen::postgres::default_primary_key_name(table);
    };
    postgres.inspector = introspect::make_postgres_inspector();
    postgres.rules = diff::make_postgres_rules();
    postgres.planner = codegen::make_postgres_planner();
    postgres.impact = introspect::make_postgres_impact_counter();
    postgres.lint = lint::make_postgres_lint_rules();
    return postgres;
}

}  // namespace autogen::dialect
