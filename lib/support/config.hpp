// autogen.toml (SPEC §2): looked up from the current folder upwards, or given with -c.
// Values may use ${VAR} and ${VAR:-default}; a .env file beside the config is read
// (the process environment wins over it). Unknown keys are errors, so a typo never
// silently falls back to a default.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "support/diagnostics.hpp"
#include "support/naming.hpp"

namespace autogen::support {

struct DatabaseConfig {
    std::string url;  ///< expanded; empty = no database configured
    /// The dialects each revision carries SQL for. When the config does not set them,
    /// the CLI session uses the dialect of the effective database URL (sqlite if none).
    std::vector<std::string> dialects{"sqlite"};
    bool dialects_given = false;  ///< `dialects` was set in the file
    SourceLocation dialects_at;   ///< where `dialects` is set (for messages), when given
    std::string dev_url;
    /// May a server dialect create its scratch database on the server of `url` when
    /// `dev_url` is empty? Not in the file: the CLI clears it for the read-only commands
    /// (SPEC §3: they never create a scratch database on the live server).
    bool scratch_on_url = true;
};

struct ModelsConfig {
    std::vector<std::string> headers;  ///< globs relative to the config's folder
    std::string compile_commands;
    std::vector<std::string> include_dirs;
    std::vector<std::string> exclude_tables;  ///< glob patterns, never diffed
    /// Globs (relative to the config's folder) of files that declare models but are
    /// deliberately not scanned: not a blind spot, and their tables are never dropped.
    std::vector<std::string> ignore;
    std::vector<std::string> extra_args;  ///< extra clang arguments
    /// `naming = { pk = "pk_%(table)s", ... }`: the names autogen gives constraints and
    /// indexes the models do not name (support/naming.hpp); empty = the defaults.
    NamingConvention naming;
    /// Globs (relative to the config's folder) of the .sql files that declare the objects
    /// whose body is SQL: views, materialized views (docs/objects.md). Given (even
    /// empty): the database's objects are compared with them, an undeclared one dropped.
    std::vector<std::string> sql;
    bool sql_given = false;
};

struct MigrationsConfig {
    std::string dir = "migrations";
    std::string file_template = "%Y%m%d_%H%M_{rev}_{slug}";
    std::string timezone = "UTC";
    std::string version_table = "autogen_version";
    std::string templates;  ///< the project's template folder; empty = built-ins only
    /// Seconds upgrade/downgrade/stamp wait for another migrator's lock before giving up
    /// (exit 3); --lock-timeout overrides it.
    double lock_timeout = 60;
    /// A statement the database cancels for its lock_timeout (it waited too long behind
    /// another session's lock) is tried again this many times, after
    /// lock_timeout_retry_delay seconds, doubling each time (docs/revision-files.md).
    int lock_timeout_retries = 3;
    double lock_timeout_retry_delay = 1;
};

/// `[postgresql]`: how PostgreSQL sections are planned (docs/configuration.md).
struct PostgresqlConfig {
    /// Online planning (docs/lint.md "Online planning"); `revision --online` /
    /// `--no-online` override it per revision.
    bool online = false;
    /// The `SET lock_timeout` of online sections: a PostgreSQL duration ("2s", "500ms").
    std::string lock_timeout = "2s";
};

struct HooksConfig {
    std::vector<std::string> post_write;
};

struct Config {
    std::filesystem::path file;  ///< the autogen.toml that was read
    std::filesystem::path root;  ///< its folder: every relative path is relative to it
    DatabaseConfig database;
    ModelsConfig models;
    MigrationsConfig migrations;
    PostgresqlConfig postgresql;
    HooksConfig hooks;

    std::filesystem::path migrations_dir() const { return root / migrations.dir; }
};

/// Online planning as the config asks for it (the planners that have an online form
/// read it; generic code passes it on without naming the dialect that owns the keys).
struct OnlinePlanning {
    bool online = false;
    std::string lock_timeout;
    /// Does a dialect of [database] dialects have an online form (PostgreSQL)?
    bool has_online_form = false;
};
OnlinePlanning online_planning(const Config& config);

/// Finds autogen.toml in `start` or the nearest folder above it.
std::optional<std::filesystem::path> find_config(const std::filesystem::path& start);

/// Whether a config without a [models] section is an error: the commands that only
/// apply revisions (upgrade, downgrade, stamp, current, heads, history) need no models,
/// so a deploy folder holds autogen.toml and migrations/ alone (SPEC §6).
enum class ModelsNeeded { Yes, No };

/// Reads and validates a config file. `environment` overrides the .env file; pass
/// current_environment() in production, a map in tests.
std::optional<Config> load_config(const std::filesystem::path& file,
                                  const std::map<std::string, std::string>& environment,
                                  Diagnostics& diags, ModelsNeeded models = ModelsNeeded::Yes);

/// The process environment as a map.
std::map<std::string, std::string> current_environment();

/// Expands ${VAR} and ${VAR:-default} in `text` from `vars`. An unset variable
/// without a default is an error naming it and `where`.
std::optional<std::string> expand_variables(const std::string& text,
                                            const std::map<std::string, std::string>& vars,
                                            const SourceLocation& where, Diagnostics& diags);

/// Reads KEY=VALUE lines of a .env file (comments, blank lines, optional quotes, `export`).
std::map<std::string, std::string> read_dotenv(const std::filesystem::path& file);

}  // namespace autogen::support
