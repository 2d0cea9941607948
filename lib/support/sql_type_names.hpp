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

/// A built-in type named the way only PostgreSQL's catalog spells it, in the standard's
/// spelling as its catalog prints it back: the catalog schema's qualification dropped
/// ("pg_catalog.int4" -> "integer", "pg_catalog.text" -> "text"), an array type's internal
/// name ("_int4" -> "integer[]", "pg_catalog._text" -> "text[]") and the one-byte type
/// ("pg_catalog.char" -> "\"char\"", as it prints). `name`: lower-case parts joined by '.',
/// a quoted part in double quotes when an unquoted one would not read back the same. Any
/// other name comes back unchanged (a domain or type of the user's: `app.email`, `_mine`).
std::string catalog_type_name(const std::string& name);

}  // namespace autogen::support
