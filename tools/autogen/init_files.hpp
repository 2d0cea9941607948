// What `autogen init` writes besides the folders: autogen.toml's text, the .gitignore
// lines (the local database, the .autogen/ cache), and an example model that
// compiles warning-free and scans cleanly, so that `autogen revision` works at once.
#pragma once

#include <string>
#include <vector>

#include "dialect/dialect.hpp"

namespace autogen::cli {

/// autogen.toml for a new project of `dialect` (a registry name) whose database `url` is.
std::string init_config_text(const std::string& dialect, const std::string& url);

/// The .gitignore lines a new project needs: the dialect's (its local database, if
/// any) and .autogen/ (autogen's cache).
std::vector<std::string> init_gitignore_lines(const dialect::NewProject& project);

/// `existing` (a .gitignore's text, maybe empty) with the `lines` it lacks appended,
/// one per line; unchanged when it has them all.
std::string gitignore_with(const std::string& existing, const std::vector<std::string>& lines);

/// Where the example model goes, relative to the project (under [models] headers).
inline constexpr const char* kExampleModelPath = "src/models/example.hpp";

/// The example model: one table, `users`, with the common column kinds.
std::string init_example_model();

}  // namespace autogen::cli
