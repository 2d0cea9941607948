// autogen's front door: `autogen help [COMMAND]`, `--help` on every command (its options,
// the global options, an example and its docs page), and CLI11's parse errors told in
// autogen's own words (unknown commands and options with "did you mean", missing
// arguments naming what to add). main.cpp calls it around CLI11's parse.
#pragma once

#include <CLI/CLI.hpp>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "command.hpp"

namespace autogen::cli {

class FrontDoor {
  public:
    /// `app` holds the global options and one subcommand per entry of `commands`.
    FrontDoor(CLI::App& app, std::span<const CommandSpec> commands, int argc, char** argv);

    /// When the command line asks for help (`autogen help [COMMAND [SUB]]`, `-h`/`--help`
    /// anywhere before `--`), prints it to stdout and returns the exit code (0, or 2 for
    /// help on an unknown command); `autogen` alone prints the command list to stderr and
    /// returns 2; otherwise nullopt and the command line goes to CLI11.
    std::optional<int> answer_help() const;

    /// Reports a CLI11 parse error as autogen's diagnostic on stderr and returns 2.
    int report(const CLI::ParseError& error) const;

  private:
    /// The first word that is not a global option or its value; "" when there is none.
    /// `index` receives its position in args_.
    std::string command_word(std::size_t* index = nullptr) const;
    /// The subcommand named `name`, or nullptr.
    CLI::App* find(const std::string& name) const;
    /// The command's nested subcommand named by the word after it (`template render`), or nullptr.
    CLI::App* nested(CLI::App* command, std::size_t command_index) const;

    /// A usage error in autogen's words; with --json on the command line also as a JSON
    /// document on stdout.
    void usage_error(const std::string& message, const std::string& hint) const;

    std::string command_list() const;
    std::string command_help(const CLI::App& command, const CommandSpec* spec,
                             const std::string& path) const;
    const CommandSpec* spec(const std::string& name) const;

    /// "unknown command 'X'" with the nearest command as a hint; returns 2.
    int unknown_command(const std::string& word) const;
    /// The first option on the command line that neither `command` (and `inner`) nor
    /// the global options know, reported with the nearest known one; true when found.
    bool unknown_option(const CLI::App* command, const CLI::App* inner,
                        const std::string& name) const;
    /// "'revision' needs -m,--message TEXT (...)" for the first required option,
    /// positional or subcommand `command` lacks; true when one was reported.
    bool missing_argument(const CLI::App& command, const CommandSpec* spec,
                          const std::string& name) const;

    CLI::App& app_;
    std::span<const CommandSpec> commands_;
    std::vector<std::string> args_;
};

}  // namespace autogen::cli
