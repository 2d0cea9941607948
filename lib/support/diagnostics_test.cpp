#include "support/diagnostics.hpp"

#include <doctest/doctest.h>

using namespace autogen::support;

TEST_CASE("format: the one text of a diagnostic") {
    Diagnostic d{Severity::Error, Category::Model, "bad type", {"a.hpp", 3, 7}, "use int"};
    CHECK(format(d) == "a.hpp:3:7: error: bad type\n  hint: use int");
    d.hint.clear();
    d.location = {};
    d.severity = Severity::Warning;
    CHECK(format(d) == "warning: bad type");
}

TEST_CASE("format with a style dresses each part, the labels apart from the text") {
    Diagnostic d{Severity::Error, Category::Model, "bad\x1b", {"a.hpp", 3, 0}, "fix"};
    FormatStyle style{[](const std::string& t) { return "<" + t + ">"; },
                      [](const std::string& t, Severity s) {
                          return (s == Severity::Error ? "[E " : "[? ") + t + "]";
                      },
                      [](const std::string& t) { return "[H " + t + "]"; }};
    CHECK(format(d, style) == "<a.hpp:3: >[E error:] <bad\x1b>\n  [H hint:] <fix>");
    // Without a style, the same as format(d).
    CHECK(format(d, FormatStyle{}) == format(d));
}
