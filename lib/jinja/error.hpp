// The engine's internal error: thrown from deep inside lexing, parsing or rendering and
// caught at the Environment boundary, where it becomes a Category::Template diagnostic.
// It never leaves the library (environment.cpp catches everything).
#pragma once

#include <stdexcept>
#include <string>

namespace autogen::codegen::jinja {

/// A place in a template source: 1-based line and column (0 = unknown).
struct Pos {
    unsigned line = 0;
    unsigned column = 0;
};

/// A lexing, parsing or rendering failure at `pos` in template `template_name`.
struct TemplateError : std::runtime_error {
    TemplateError(std::string template_name, Pos where, const std::string& message)
        : std::runtime_error(message), name(std::move(template_name)), pos(where) {}
    std::string name;  ///< the template; empty while unknown (filled in by the renderer)
    Pos pos;
};

/// Thrown by helpers that do not know where they are; the renderer adds the position.
struct ValueError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

}  // namespace autogen::codegen::jinja
