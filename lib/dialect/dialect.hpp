// lib/dialect: the dialect registry. For each supported database, its URL parser,
// connection, inspector, diff rules and planner, keyed by name and by URL scheme. Each
// dialect is assembled in its own file (lib/dialect/<dialect>_dialect.cpp); the registry
// (registry.cpp) lists them. Built explicitly by main (no static initialisers); generic
// code asks it instead of comparing dialect names.
#pragma once

#include <cstddef>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "codegen/planner.hpp"
#include "db/connection.hpp"
#include "db/endpoint.hpp"
#include "db/script_frame.hpp"
#include "db/url.hpp"
#include "diff/diff_rules.hpp"
#include "introspect/impact.hpp"
#include "introspect/inspector.hpp"
#include "lint/lint_rules.hpp"
#include "support/config.hpp"

namespace autogen::dialect {

/// What `autogen init` writes for a new project of a dialect.
struct NewProject {
    std::string url;  ///< autogen.toml's [database] url
    std::vector<std::string>
        gitignore;               ///< .gitignore lines before ".autogen/" (the local database)
    std::string upgrade_target;  ///< what "next steps" says `autogen upgrade` applies to
};

struct Dialect {
    std::string name;
    /// The URL schemes (before "://") this dialect's URLs use; `name` among them.
    std::vector<std::string> schemes;
    /// The URL forms named when a URL has no known scheme, in the message's order.
    std::vector<std::string> url_forms;
    /// Parses a URL of one of `schemes`; relative paths resolve against `base_dir` (the
    /// folder of autogen.toml). A malformed URL is a Config error naming the URL
    /// (redacted) and the accepted forms.
    std::function<std::optional<db::DatabaseUrl>(
        const std::string& url, const std::filesystem::path& base_dir, support::Diagnostics&)>
        parse_url;
    /// Called for a dev URL (`[database] dev_url` or --dev-url, named by `from`) of this
    /// dialect: true, after an error in `diags`, when the dialect never uses one (its
    /// scratch database needs no server). Null: a dev URL of this dialect is used.
    std::function<bool(const std::string& from, support::Diagnostics&)> refuse_dev_url;
    /// What `autogen init --dialect NAME` writes for this dialect.
    NewProject new_project;
    /// Opens the database a URL of this dialect names (ReadOnly: creating nothing).
    std::function<std::unique_ptr<db::Connection>(const db::DatabaseUrl&, db::Access,
                                                  support::Diagnostics&)>
        connect;
    /// Opens an empty scratch database (to replay the chain or materialise models),
    /// dropped with its connection. Dialects that need a server create it on
    /// `[database] dev_url` (or --dev-url), else, when config.database.scratch_on_url
    /// (not for read-only commands), on the server of the project's effective URL when
    /// it is of this dialect (docs/dialects/postgresql.md).
    std::function<std::unique_ptr<db::Connection>(const support::Config&, support::Diagnostics&)>
        scratch;
    /// Opens another session on the scratch database `scratch` (a connection `scratch`
    /// returned), with the same session settings, so that independent statements run
    /// beside it (pipeline/run_in_scratch.hpp). It never drops the database and must be
    /// closed before `scratch`. Null where the scratch database has one connection
    /// (SQLite: in memory).
    std::function<std::unique_ptr<db::Connection>(const db::Connection& scratch,
                                                  support::Diagnostics&)>
        scratch_peer;
    /// At most this many tables are created in one scratch database to read a schema
    /// back (0: no limit). SQLite re-reads its schema table on every DDL statement, so
    /// creating N tables in one database costs O(N^2) (1,000 tables ~1 s, 4,000 ~30 s
    /// on 2 cores), while a table's read-back does not depend on the other tables.
    std::size_t scratch_tables_per_database = 0;
    /// Could `scratch` open one here? Answered without creating a database (SQLite:
    /// always; PostgreSQL: the server answers and the user may create databases). False
    /// with the reason as a diagnostic in `diags`.
    std::function<bool(const support::Config&, support::Diagnostics&)> scratch_ready;
    /// What normalises this dialect's schemas for `config`: the version of the server
    /// its scratch databases live on (`[database] dev_url`, else `url`) or of the
    /// embedded library. Part of every materialised-schema cache key, so that an answer
    /// read back by one server version is never reused for another. Empty when the
    /// server cannot be asked (then nothing is answered from a cache).
    std::function<std::string(const support::Config&)> server_identity;
    /// The statements offline SQL (`--sql`) writes where the runner calls the connection
    /// (lock, begin, commit: db/script_frame.hpp); `lock_key` as for lock_migrations.
    std::function<db::ScriptFrame(const std::string& lock_key)> script_frame;
    /// The name the database gives a primary key declared without one on table `table`
    /// (PostgreSQL: <table>_pkey); "" where it names none (SQLite). `autogen pull` names
    /// a key in the models only when its name differs from this (or from the convention).
    std::function<std::string(const std::string& table)> default_primary_key_name;
    /// The longest identifier the database keeps, in bytes (PostgreSQL: NAMEDATALEN - 1
    /// = 63); 0 = no limit (SQLite). A [models] naming name longer than the smallest
    /// limit of the project's dialects is cut as SQLAlchemy cuts it (support/naming.hpp).
    std::size_t max_identifier_length = 0;
    /// The C++ type `autogen pull` gives a column whose SQL type no logical type lowers
    /// to (the field keeps `type = "..."`): SQLite's type affinity ("INT" -> an integer);
    /// Logical::None = a std::string. Null: always a std::string.
    std::function<schema::Logical(const std::string& sql_type)> closest_logical;
    std::unique_ptr<introspect::Inspector> inspector;
    std::unique_ptr<diff::DiffRules> rules;
    std::unique_ptr<codegen::Planner> planner;
    /// What a change does to stored rows: type-change rules and counting SQL (SPEC §3).
    std::unique_ptr<introspect::ImpactCounter> impact;
    /// The rules `autogen lint` checks this dialect's sections with (lib/lint).
    std::unique_ptr<lint::LintRules> lint;
};

class DialectRegistry {
  public:
    void add(Dialect dialect);
    /// The dialect of that name, or nullptr.
    const Dialect* find(const std::string& name) const;
    /// The dialect whose URLs use `scheme` ("postgres" and "postgresql" both find
    /// PostgreSQL), or nullptr.
    const Dialect* find_by_scheme(const std::string& scheme) const;
    /// Registered names, in registration order (for messages), joined by `separator`.
    std::string names(const std::string& separator = ", ") const;
    /// Registered names, in registration order.
    std::vector<std::string> name_list() const;
    /// Parses `url` with the parser of the dialect its scheme names. A URL of no known
    /// scheme is a Config error listing every dialect's URL forms.
    std::optional<db::DatabaseUrl> parse_url(const std::string& url,
                                             const std::filesystem::path& base_dir,
                                             support::Diagnostics& diags) const;

  private:
    std::vector<std::unique_ptr<Dialect>> dialects_;
};

/// Every dialect this build supports (lib/dialect/registry.cpp: the one list of them).
DialectRegistry make_dialect_registry();

/// A dialect whose name, schemes, URL forms, URL parser and connection are `endpoint`'s
/// (lib/db/<dialect>_endpoint.cpp: the part the migration runtime shares); the rest is
/// for the dialect's make function to fill.
Dialect dialect_from(db::Endpoint endpoint);

}  // namespace autogen::dialect
