// Python string operations on UTF-8 text, shared by the str methods and the filters:
// case mapping (ASCII and Latin-1), strip, split, replace, title and friends.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace autogen::codegen::jinja::text {

/// str.upper() / str.lower() (ASCII and Latin-1 letters).
std::string to_upper(const std::string& s);
std::string to_lower(const std::string& s);
/// str.capitalize(): first character upper, the rest lower.
std::string capitalize(const std::string& s);
/// str.title(): each run of letters starts upper, continues lower.
std::string py_title(const std::string& s);
/// Python's str.isspace() for one code point.
bool is_space(char32_t c);
/// str.strip/lstrip/rstrip; `chars` empty = whitespace (when has_chars is false).
std::string strip(const std::string& s, bool left, bool right, const std::string* chars = nullptr);
/// str.split(sep, maxsplit); sep null = runs of whitespace.
std::vector<std::string> split(const std::string& s, const std::string* sep,
                               std::int64_t maxsplit = -1);
/// str.replace(old, new, count).
std::string replace(const std::string& s, const std::string& from, const std::string& to,
                    std::int64_t count = -1);
/// str.startswith / endswith.
bool starts_with(const std::string& s, const std::string& prefix);
bool ends_with(const std::string& s, const std::string& suffix);
/// Number of non-overlapping occurrences of `sub`.
std::size_t count(const std::string& s, const std::string& sub);

}  // namespace autogen::codegen::jinja::text
