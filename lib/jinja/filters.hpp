// The built-in filters and tests: lookup tables from name to function, shared by the
// renderer (calls them) and the validator (checks names at compile time, as Jinja does).
#pragma once

#include <map>
#include <string>

#include "jinja/renderer.hpp"

namespace autogen::codegen::jinja {

/// A filter: the value left of `|`, and the call's arguments.
using FilterFn = Val (*)(Renderer&, const Val& input, CallArgs& args);
/// A test: the value left of `is`, and the arguments.
using TestFn = bool (*)(Renderer&, const Val& input, CallArgs& args);

/// Every filter by name (string filters in filters.cpp, sequence filters in filters_seq.cpp).
const std::map<std::string, FilterFn>& filter_table();
/// Adds the sequence filters (filters_seq.cpp) to `table`.
void add_sequence_filters(std::map<std::string, FilterFn>& table);
/// Every test by name (predicates.cpp).
const std::map<std::string, TestFn>& test_table();

/// Looks up `path` ("a.b", "0") in `item` the way Jinja's make_attrgetter does.
Val lookup_path(Renderer& r, const Val& item, const Val& path);
/// Python's str.splitlines().
std::vector<std::string> splitlines(const std::string& s);
/// Python's `format % args` (the format filter).
std::string percent_format(const std::string& format, const Val& args);
/// json.dumps(v, sort_keys=True, indent=...) with Jinja's HTML-safe escapes.
std::string to_json_text(const Json& v, int indent);

}  // namespace autogen::codegen::jinja
