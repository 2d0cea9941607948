// autogen's migration runtime (SPEC §6): an application applies its own revisions at
// start-up with the version table, log, checksums, migration lock and transaction rules
// of the `autogen` CLI, so a database migrated here reads the same in `autogen current`
// and the reverse. Link the CMake target autogen::migrate (find_package(autogen CONFIG))
// or `pkg-config --cflags --libs autogen-migrate`. No libclang, no templates.
//
//     auto result = autogen::migrate::upgrade(url, autogen::migrate::folder("migrations"));
//     if (!result) { std::cerr << result.error().message; return 1; }
//
// No exception escapes these functions: failures come back as an Error value that says
// what, which revision and what to do. Nothing is printed unless Options::logger is set.
#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#define AUTOGEN_MIGRATE_API __attribute__((visibility("default")))

namespace autogen::migrate {

/// What kind of failure; the CLI's exit code for the same failure in parentheses.
enum class ErrorKind {
    Usage,          ///< a target that names no revision, a bad step count (2)
    Config,         ///< an unsupported URL, a migrations folder that is not there (2)
    MigrationFile,  ///< a bad revision file, a revision edited after it ran, autogen.sum (2)
    Database,       ///< the database refused or failed, or another migrator held the lock (3)
    Pending,        ///< check_applied: revisions not applied yet
    Internal,       ///< a bug in autogen: please report it
};

/// Why a call failed.
struct Error {
    ErrorKind kind = ErrorKind::Internal;
    /// The whole report, ready to print: every error, each with where and what to do.
    std::string message;
    std::string what;      ///< the first error alone
    std::string revision;  ///< the revision it concerns, when one ("" otherwise)
    std::string location;  ///< the file (file:line) or path it concerns, when known
    std::string hint;      ///< what to do about the first error
};

/// A value or an Error (std::expected's shape, for C++20).
template <class T>
class Result {
  public:
    Result(T value) : value_(std::move(value)) {}
    Result(Error error) : error_(std::move(error)) {}

    /// True on success.
    explicit operator bool() const { return value_.has_value(); }
    bool ok() const { return value_.has_value(); }
    /// The value; only after success.
    const T& value() const { return *value_; }
    T& value() { return *value_; }
    const T* operator->() const { return &*value_; }
    const T& operator*() const { return *value_; }
    /// The error; only after failure.
    const Error& error() const { return error_; }

  private:
    std::optional<T> value_;
    Error error_;
};

/// One file of a migrations folder compiled into the program (embedded()).
struct EmbeddedFile {
    std::string_view name;  ///< its name in the folder ("20261121_1530_3f2a9c1b7d4e_init.sql")
    std::string_view text;  ///< its bytes, exactly as in the folder
};

/// Where the revision files come from: a migrations folder on disk (its *.sql files
/// and autogen.sum, as `autogen` writes them; folder()), or the same files compiled
/// into the program by the CMake function autogen_embed_migrations (embedded()).
struct Source {
    std::filesystem::path
        dir;                   ///< the folder (for embedded files: as given to CMake, for messages)
    bool is_embedded = false;  ///< the revisions are `files`, not what `dir` holds now
    std::vector<EmbeddedFile> files;
};

/// The migrations folder `dir` as a source (read when a call needs it).
AUTOGEN_MIGRATE_API Source folder(std::filesystem::path dir);

/// The migrations folder compiled into this program: defined in the source file that
/// autogen_embed_migrations(TARGET DIR) generates for TARGET (regenerated when a file
/// of DIR changes, is added or removed). A program built without it fails to link,
/// naming this function.
Source embedded();

/// One revision of the chain.
struct RevisionInfo {
    std::string id;
    std::string message;
    std::vector<std::string> parents;  ///< its down revisions (empty: it starts the chain)
    std::filesystem::path file;        ///< the revision file
};

/// One revision a run applied (upgrade) or undid (downgrade).
struct Step {
    std::string id;
    std::string message;
    bool outside_transaction = false;  ///< its SQL ran outside a transaction (-- no-transaction)
};

/// What upgrade, downgrade or stamp did.
struct Report {
    std::vector<Step> steps;          ///< in the order they ran (stamp runs none)
    std::vector<std::string> before;  ///< the version table before (empty: base)
    std::vector<std::string> after;   ///< and after
    /// The database was already at the target.
    bool nothing_to_do() const { return steps.empty() && before == after; }
};

enum class LogLevel { Info, Warning };
/// Receives a line of progress ("applying 1/3 ...") or a warning; never a password.
using Logger = std::function<void(LogLevel, const std::string&)>;

/// How to run; the defaults are the CLI's.
struct Options {
    std::string version_table = "autogen_version";  ///< [migrations] version_table
    double lock_timeout_seconds = 60;               ///< wait for another migrator's lock, then fail
    /// Run although an applied revision's file was edited since it ran (upgrade and
    /// downgrade --allow-edited); refused otherwise.
    bool allow_edited = false;
    /// Where a relative sqlite:/// URL's file is (default: the current folder).
    std::filesystem::path base_dir;
    Logger logger;  ///< empty: silent
};

/// Applies the revisions from the database's version up to `target` (head, heads, an
/// id or unique prefix, +N, label@head), each with its version change in one
/// transaction, under the migration lock. On failure the revisions applied before it
/// stay applied (the Error's message says which revision failed; `current` says where
/// the database is).
AUTOGEN_MIGRATE_API Result<Report> upgrade(std::string_view url, const Source& source,
                                           std::string_view target = "head",
                                           const Options& options = {});

/// Undoes revisions down to `target` (-N, base, an id).
AUTOGEN_MIGRATE_API Result<Report> downgrade(std::string_view url, const Source& source,
                                             std::string_view target, const Options& options = {});

/// Sets the version table to `target` without running revision SQL.
AUTOGEN_MIGRATE_API Result<Report> stamp(std::string_view url, const Source& source,
                                         std::string_view target, const Options& options = {});

/// The revision ids in the database's version table (empty: none applied). Read-only.
AUTOGEN_MIGRATE_API Result<std::vector<std::string>> current(std::string_view url,
                                                             const Options& options = {});

/// The head revisions of the chain (no database needed).
AUTOGEN_MIGRATE_API Result<std::vector<RevisionInfo>> heads(const Source& source);

/// Every revision of the chain, newest first (as `autogen history`).
AUTOGEN_MIGRATE_API Result<std::vector<RevisionInfo>> history(const Source& source);

/// Succeeds (with the current ids) when the database is at the chain's heads and no
/// applied revision's file was edited since it ran; else an Error: Pending (naming the
/// revisions not applied), MigrationFile (an edited revision), or the failure to read.
/// Read-only: for a health check, or an application that must not migrate itself.
AUTOGEN_MIGRATE_API Result<std::vector<std::string>> check_applied(std::string_view url,
                                                                   const Source& source,
                                                                   const Options& options = {});

}  // namespace autogen::migrate
