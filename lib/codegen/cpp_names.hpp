// C++ spellings for what `autogen pull` writes: names of structs, fields, enumerators and
// files made from SQL names (which may be C++ keywords, start with a digit, hold spaces
// or non-ASCII letters), and C string literals for annotation values.
#pragma once

#include <set>
#include <string>
#include <string_view>

namespace autogen::codegen {

/// Is `name` usable as-is as a C++ identifier: ASCII letters, digits and '_', not
/// starting with a digit, not a keyword or alternative token (`order` is, `class` is
/// not), not `std` (a member named std would hide the namespace in later declarations)?
bool is_plain_cpp_identifier(std::string_view name);

/// A valid identifier close to `name`: invalid characters (each UTF-8 character counts
/// once) become '_', a leading digit gets `prefix` in front, a keyword gets a trailing
/// '_'; `fallback` when nothing is left.
std::string cpp_identifier(std::string_view name, std::string_view prefix = "_",
                           std::string_view fallback = "column");

/// `order_items` -> `OrderItems`, `2fa codes` -> `T2faCodes`: a struct or enum name.
std::string pascal_case_identifier(std::string_view name);

/// `base` if not in `used`, else `base_2`, `base_3` ...; the answer is added to `used`.
std::string unique_name(const std::string& base, std::set<std::string>& used);

/// A C string literal holding `text` exactly: quotes and backslashes escaped, control
/// bytes as three-digit octal escapes, other bytes (UTF-8 included) as they are.
std::string c_string_literal(std::string_view text);

/// A file name stem from a SQL name: ASCII letters, digits and '_' kept, everything
/// else '_' (a schema's dot too: "shop.lines" -> "shop_lines"); never empty.
std::string file_stem(std::string_view name);

}  // namespace autogen::codegen
