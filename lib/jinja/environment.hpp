// The public face of autogen's Jinja engine: an Environment that finds templates on a
// search path and renders them with a JSON context, byte for byte as python3-jinja2
// would on the supported subset (docs/templates.md). Errors go to a Diagnostics sink
// ("name:line:col: message"); no exception leaves this API.
#pragma once

#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "support/diagnostics.hpp"

namespace autogen::codegen::jinja {

/// The template context: a JSON object whose keys become top-level template names.
using Value = nlohmann::ordered_json;

/// The Jinja Environment settings that change output.
struct Options {
    bool trim_blocks = false;
    bool lstrip_blocks = false;
    bool keep_trailing_newline = false;  ///< Jinja's default: one final newline is eaten
    bool strict_undefined =
        false;  ///< true: like jinja2.StrictUndefined (using an undefined value is an error)
};

/// Loads templates from folders and renders them.
class Environment {
  public:
    /// Templates are looked up by name in `search_path`, first folder first (a project's folder
    /// overrides the built-ins).
    Environment(std::vector<std::filesystem::path> search_path, Options options = {});

    /// Renders the template `template_name` (found on the search path) with `context`;
    /// nullopt after reporting a Category::Template error into `diags`.
    std::optional<std::string> render(const std::string& template_name, const Value& context,
                                      support::Diagnostics& diags) const;

    /// Renders `source` as a template called `name` (used in messages; it may include,
    /// import or extend templates from the search path).
    std::optional<std::string> render_string(const std::string& source, const std::string& name,
                                             const Value& context,
                                             support::Diagnostics& diags) const;

    /// The settings this environment renders with.
    const Options& options() const { return options_; }
    /// The folders templates are looked up in, first first.
    const std::vector<std::filesystem::path>& search_path() const { return search_path_; }

  private:
    std::vector<std::filesystem::path> search_path_;
    Options options_;
};

}  // namespace autogen::codegen::jinja
