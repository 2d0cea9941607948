// The names of the built-in SQL types: one table of their spellings, so the differ's type
// equality, a routine's identity and the linter's type reading agree on which two
// spellings are one type.
#pragma once

#include <string>

namespace autogen::support {

/// The SQL standard's spelling of a built-in type written with another of its names, as
/// the database prints it back: standard_type_name("int4") == "integer",
/// standard_type_name("varchar") == "character varying", standard_type_name("timestamptz")
/// == "timestamp with time zone". `words`: lower-case words, one space between, no type
/// modifier. Any other name comes back unchanged.
std::string standard_type_name(const std::string& words);

/// Does `words` (lower-case, as above) name one of those built-in types, in any spelling?
/// is_builtin_type_name("int4") and is_builtin_type_name("integer") are true.
bool is_builtin_type_name(const std::string& words);

/// The short spelling of a built-in type, the one people write in DDL: standard names
/// folded to "varchar", "char", "timestamp", "timestamptz", "time", "timetz", "varbit";
/// "integer", "boolean", "numeric", "double precision" and the others stay as the standard
/// spells them. Any other name comes back unchanged.
std::string short_type_name(const std::string& words);

}  // namespace autogen::support
