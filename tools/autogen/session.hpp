// What every command shares: the global options, the diagnostics sink, the lazily
// loaded autogen.toml, the database URL by precedence, and the output channels
// (results to stdout, progress and diagnostics to stderr).
#pragma once

#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include "dialect/dialect.hpp"
#include "json_output.hpp"
#include "migrations_option.hpp"
#include "progress_line.hpp"
#include "support/config.hpp"
#include "support/diagnostics.hpp"
#include "terminal_colour.hpp"

namespace autogen::cli {

using dialect::Dialect;
using dialect::DialectRegistry;

struct GlobalOptions {
    std::string config_file;  ///< -c FILE
    std::string url;          ///< --url URL
    std::string migrations;   ///< --migrations DIR (migrations_option.hpp)
    bool json = false;
    bool quiet = false;
    bool verbose = false;
    bool no_color = false;
};

/// Exit codes of SPEC §3.
enum ExitCode : int { kExitOk = 0, kExitDrift = 1, kExitUsage = 2, kExitDatabase = 3 };

class Session {
  public:
    Session(GlobalOptions options, const DialectRegistry& dialects);

    GlobalOptions options;
    const DialectRegistry& dialects;
    support::Diagnostics diags;
    /// The command is one of SPEC §3's read-only ones: the live database is opened
    /// read-only (open_live) and the config's scratch_on_url is cleared, so scratch
    /// databases go only to dev_url. Set before the command runs.
    bool read_only = false;
    /// The command scans models (Command::needs_models): a config without [models] is an
    /// error, and --migrations without autogen.toml is not enough. Set before it runs.
    bool needs_models = true;
    /// The command as typed ("history", "inspect models"), for the --json document. Set
    /// before the command runs.
    std::string command;
    /// With --json: the command's result, the document's "result" (docs/json.md). Text
    /// lines (print, print_text) are not written then: stdout holds the document alone.
    Json result = Json::object();
    /// With --json: `write` writes the result object when the document is printed,
    /// instead of `result` (for results too large to build as a DOM first: a schema).
    void stream_result(ResultWriter write) { result_writer_ = std::move(write); }

    /// autogen.toml from -c or found upwards from the current folder; nullptr after
    /// reporting an error. Loaded once.
    const support::Config* config();

    /// The database URL: --url, else $DATABASE_URL, else [database] url. Empty when
    /// none is configured (commands then work on the migration chain alone).
    std::string database_url();

    /// A progress line on stderr (suppressed by -q).
    void info(const std::string& line) const;
    /// A detail line on stderr, only with -v.
    void detail(const std::string& line) const;
    /// A result line on stdout. Not with --json, where the command fills `result`; a
    /// command that fills nothing gets its lines as `result.lines` instead.
    void print(const std::string& line) const;
    /// Result text on stdout exactly as it is, without a newline added (not with --json):
    /// a rendered template or SQL script; text from files goes through terminal_text first.
    void print_text(const std::string& text) const;
    /// With --json: prints the one document (`result` and every diagnostic) on stdout.
    void emit_json(int exit_code) const;

    /// A piece of a stderr line and its colour (terminal_colour.hpp).
    struct Span {
        std::string text;
        Tone tone = Tone::Plain;
    };
    /// A line on stderr made of coloured pieces (suppressed by -q unless `always`):
    /// e.g. diff's "[data loss]" marker, the data-loss gate's list.
    void info(const std::vector<Span>& spans, bool always = false) const;
    /// A result line on stdout made of coloured pieces (colour only when stdout is a terminal).
    void print(const std::vector<Span>& spans) const;

    /// Where the library stages report progress: drawn on stderr at a terminal
    /// (progress_line.hpp), an empty callback otherwise.
    support::ProgressCallback progress() { return progress_line_.callback(); }
    /// Erases the progress line, before writing to stderr outside the Session (a prompt).
    void clear_progress() const { progress_line_.clear(); }

    /// Prints every diagnostic to stderr (once) and returns the exit code they imply:
    /// 0 without errors, 3 when any is a database failure, else 2.
    int finish();
    /// The exit code the diagnostics so far imply, without printing.
    int exit_code() const;

  private:
    /// Errors (naming autogen.toml's `dialects` line) for each [database] dialects entry
    /// this build has no dialect for; true when all are known.
    bool known_dialects(const support::Config& config);

    std::optional<support::Config> config_;
    bool config_loaded_ = false;
    std::size_t printed_ = 0;
    mutable ProgressLine progress_line_;
    bool stderr_colour_ = false;                   ///< stderr gets colour (terminal_colour.hpp)
    bool stdout_colour_ = false;                   ///< stdout gets colour
    mutable std::vector<std::string> json_lines_;  ///< print()'s lines under --json
    ResultWriter result_writer_;                   ///< stream_result's writer, if any
};

}  // namespace autogen::cli
