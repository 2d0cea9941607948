// Diagnostics sink and the single text format of a diagnostic.
#include "support/diagnostics.hpp"

#include <algorithm>

#include "support/printable_text.hpp"

namespace autogen::support {

std::string SourceLocation::str() const {
    std::string s = file;
    if (line != 0) {
        s += ":" + std::to_string(line);
        if (column != 0) s += ":" + std::to_string(column);
    }
    return s;
}

void Diagnostics::error(Category c, std::string message, SourceLocation where, std::string hint) {
    report({Severity::Error, c, std::move(message), std::move(where), std::move(hint)});
}

void Diagnostics::warning(Category c, std::string message, SourceLocation where, std::string hint) {
    report({Severity::Warning, c, std::move(message), std::move(where), std::move(hint)});
}

void Diagnostics::note(Category c, std::string message, SourceLocation where) {
    report({Severity::Note, c, std::move(message), std::move(where), {}});
}

bool Diagnostics::has_errors() const { return error_count() != 0; }

std::size_t Diagnostics::error_count() const {
    return static_cast<std::size_t>(
        std::count_if(items_.begin(), items_.end(),
                      [](const Diagnostic& d) { return d.severity == Severity::Error; }));
}

void Diagnostics::absorb(Diagnostics&& other) {
    for (auto& d : other.items_) items_.push_back(std::move(d));
    other.items_.clear();
}

std::string format(const Diagnostic& d) { return format(d, FormatStyle{}); }

std::string format(const Diagnostic& d, const FormatStyle& style) {
    auto text = [&](const std::string& t) { return style.text ? style.text(t) : t; };
    std::string out;
    // A file name is one line whatever it holds (a newline in it must not forge a line).
    if (d.location.known()) out += text(one_line_text(d.location.str()) + ": ");
    const char* label = d.severity == Severity::Error     ? "error:"
                        : d.severity == Severity::Warning ? "warning:"
                                                          : "note:";
    out += (style.label ? style.label(label, d.severity) : std::string(label)) + " ";
    out += text(d.message);
    if (!d.hint.empty())
        out +=
            "\n  " + (style.hint ? style.hint("hint:") : std::string("hint:")) + " " + text(d.hint);
    return out;
}

}  // namespace autogen::support
