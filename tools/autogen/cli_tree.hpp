// The command-line interface as data: the commands, their nested subcommands, options,
// positionals and the choices CLI11 knows, read from the CLI11 App that main.cpp builds.
// The shell completion scripts (completion_script.hpp) and the man page (man_page.hpp)
// are both written from it, so a new command or option appears in them unedited.
#pragma once

#include <CLI/CLI.hpp>
#include <span>
#include <string>
#include <vector>

#include "command.hpp"

namespace autogen::cli {

/// One option or positional.
struct CliOption {
    /// "-c", "--config" (short names first); empty for a positional.
    std::vector<std::string> names;
    /// A positional's name upper-cased ("WHAT"), or an option's value name ("TEXT", "INT");
    /// empty for a flag.
    std::string value;
    /// The values CLI11 accepts, when it checks them against a set (`init --dialect`).
    std::vector<std::string> choices;
    std::string help;
    bool required = false;
    /// A positional that takes several words (`merge REVISIONS...`).
    bool repeated = false;
};

/// A command or nested subcommand.
struct CliCommand {
    std::string name;
    std::string summary;
    std::string example;                 ///< CommandSpec::example; empty for nested subcommands
    std::vector<CliOption> options;      ///< its own options, --help included
    std::vector<CliOption> positionals;  ///< in order
    std::vector<CliCommand> subcommands;
};

/// The whole interface: the global options and the commands, `help` last.
struct CliTree {
    std::string description;
    std::vector<CliOption> global;
    std::vector<CliCommand> commands;
};

/// What `autogen help` says of itself in the command list and the man page.
inline constexpr const char* kHelpSummary =
    "This list, one command's options and example (help COMMAND), or the man page (help --man)";

/// Reads `app` (the global options and one subcommand per command), with each command's
/// example from `specs` (none when empty); adds the front door's `help [COMMAND]`, whose
/// positional's choices are the command names.
CliTree describe_cli(const CLI::App& app, std::span<const CommandSpec> specs);

/// The options in force at `path` (a command, then a nested subcommand): the global
/// options and those of each command on the path (they fall through, main.cpp), each
/// name once: a deeper command's option takes it.
std::vector<CliOption> options_at(const CliTree& tree, const std::vector<const CliCommand*>& path);

}  // namespace autogen::cli
