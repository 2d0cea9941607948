// Small text helpers shared by every stage.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace autogen::support {

/// The items with `separator` between them: join_with({"a", "b"}) == "a, b".
std::string join_with(const std::vector<std::string>& items, std::string_view separator = ", ");

/// `s` with ASCII letters upper-cased (bytes >= 0x80 kept): to_upper("int8") == "INT8".
std::string to_upper(std::string_view s);

/// `s` with ASCII letters lower-cased (bytes >= 0x80 kept): to_lower("VARCHAR") == "varchar".
std::string to_lower(std::string_view s);

/// Do `a` and `b` spell the same text but for the case of ASCII letters?
bool equals_ignoring_case(std::string_view a, std::string_view b);

/// `s` without leading and trailing whitespace (std::isspace): trim(" a b\n") == "a b".
std::string_view trim(std::string_view s);

/// trim(s) as a string of its own, for callers that keep or concatenate it.
std::string trimmed(std::string_view s);

/// `s` without trailing whitespace (std::isspace): trim_end(" a \r\n") == " a".
std::string_view trim_end(std::string_view s);

/// Does SQL text `sql` mention `name` as an identifier, bare or quoted, in any case?
/// Conservative: a match inside a string literal also counts.
bool mentions_identifier(std::string_view sql, std::string_view name);

/// A duration for messages: seconds(60) == "60 s", seconds(0.5) == "0.5 s".
std::string seconds(double value);

/// Levenshtein distance: the fewest one-character insertions, deletions and
/// substitutions that turn `a` into `b` (for "did you mean" suggestions).
std::size_t edit_distance(std::string_view a, std::string_view b);

/// The candidate closest to `word` by edit_distance when it is a near miss (closer than
/// `max_distance`, and closer than the word is long, so "x" suggests nothing); "" otherwise.
/// Ties go to the earlier candidate.
std::string closest(std::string_view word, const std::vector<std::string>& candidates,
                    std::size_t max_distance = 3);

/// The UTF-8 byte order mark that Windows editors put at the start of a file.
inline constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

}  // namespace autogen::support
