// Diagnostics: every stage reports problems into a sink instead of throwing, so a
// command can collect *all* model errors before refusing to write anything, and the
// CLI alone decides the exit code (SPEC §3) from the categories it finds.
#pragma once

#include <functional>
#include <string>
#include <vector>

namespace autogen::support {

/// Where something is: a file with an optional line and column (1-based; 0 = unknown).
struct SourceLocation {
    std::string file;
    unsigned line = 0;
    unsigned column = 0;

    bool known() const { return !file.empty(); }
    /// "file:line:col", "file:line" or "file", whichever parts are known.
    std::string str() const;
};

enum class Severity { Note, Warning, Error };

/// What kind of failure; the CLI maps it to an exit code (Usage/Config/Model/
/// MigrationFile/Template -> 2, Database -> 3, Internal -> 2).
enum class Category { Usage, Config, Model, MigrationFile, Template, Database, Io, Internal };

/// One problem: what happened, where, and how to fix it.
struct Diagnostic {
    Severity severity = Severity::Error;
    Category category = Category::Internal;
    std::string message;
    SourceLocation location;
    std::string hint;  ///< what the user can do about it; may be empty for notes
};

/// Collects diagnostics in the order they were reported.
class Diagnostics {
  public:
    void report(Diagnostic d) { items_.push_back(std::move(d)); }
    void error(Category c, std::string message, SourceLocation where = {}, std::string hint = {});
    void warning(Category c, std::string message, SourceLocation where = {}, std::string hint = {});
    void note(Category c, std::string message, SourceLocation where = {});

    bool has_errors() const;
    std::size_t error_count() const;
    const std::vector<Diagnostic>& items() const { return items_; }
    void clear() { items_.clear(); }
    /// Moves everything from `other` into this sink.
    void absorb(Diagnostics&& other);

  private:
    std::vector<Diagnostic> items_;
};

/// "file:line:col: error: message\n  hint: ..." — the one format users see.
std::string format(const Diagnostic& d);

/// How format() dresses its parts: `text` for the location, message and hint (e.g. made
/// safe for a terminal), `label` for "error:"/"warning:"/"note:", `hint` for "hint:" (e.g.
/// coloured). Empty functions leave a part as it is.
struct FormatStyle {
    std::function<std::string(const std::string&)> text;
    std::function<std::string(const std::string&, Severity)> label;
    std::function<std::string(const std::string&)> hint;
};

/// format(d) with each part dressed by `style`.
std::string format(const Diagnostic& d, const FormatStyle& style);

}  // namespace autogen::support
