// autogen(1): the man page in roff (man macros), written from the interface as data
// (cli_tree.hpp) so that it lists every command, option and example the CLI has.
// `autogen help --man` prints it; the build writes it to autogen.1 (CMakeLists.txt).
#pragma once

#include <string>

#include "cli_tree.hpp"

namespace autogen::cli {

/// The whole page, ready for `man -l`.
std::string man_page(const CliTree& tree);

}  // namespace autogen::cli
