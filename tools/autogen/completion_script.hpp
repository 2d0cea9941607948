// The shell completion scripts of `autogen completion SHELL` (bash, zsh, fish), written
// from the interface as data (cli_tree.hpp): commands, nested subcommands, options in
// force at each command (the global ones fall through), and the values CLI11 checks
// against a set. Nothing in them is written by hand per command.
#pragma once

#include <string>
#include <vector>

#include "cli_tree.hpp"

namespace autogen::cli {

/// The shells there is a completion script for: bash, zsh, fish.
const std::vector<std::string>& completion_shells();

/// The completion script for `shell` (one of completion_shells()).
std::string completion_script(const CliTree& tree, const std::string& shell);

}  // namespace autogen::cli
