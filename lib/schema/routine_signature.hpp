// A function's or procedure's identity among the routines of its name: its input argument
// types, as PostgreSQL's regprocedure prints them ("integer, character varying[]": no
// names, defaults, OUT arguments or type modifiers). PostgreSQL tells overloads apart by
// them (f(integer) and f(text) are two functions), so autogen does too (docs/objects.md
// "Overloads"). The same text comes out of a statement as the models write it (int4,
// varchar(10), "a int DEFAULT 1", OUT x int) and out of a catalog's reading, so that the
// paths with no database (the snapshot in autogen.sum, the scan cache) key a routine as
// the paths with one do.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "schema/schema.hpp"

namespace autogen::schema {

/// The input types of an argument list without its parentheses, one ", " apart: each
/// argument's mode (IN, INOUT, VARIADIC), name and DEFAULT dropped, an OUT argument
/// dropped whole, the type in PostgreSQL's spelling (int4 and pg_catalog.int4 -> integer,
/// varchar(10) -> character varying, int[3][], integer ARRAY and _int4 -> integer[],
/// public. dropped: support/sql_type_names). Both a declaration's list and
/// pg_get_function_identity_arguments' reading give the same text. `t.col%TYPE` stays as
/// written: only a database knows the column's type (the scratch database's reading
/// names such a routine, materialize_objects.cpp).
std::string identity_types(std::string_view argument_list);

/// A grant's `arguments` while its GRANT ON FUNCTION | PROCEDURE wrote no argument list
/// (an empty list is `f()`): its readers resolve it to the one routine of that name.
inline constexpr const char* kUnwrittenArguments = "\x1f";

/// identity_types of the argument list of `create_sql`, a CREATE [OR REPLACE]
/// FUNCTION | PROCEDURE statement ("" when it has none or cannot be read).
std::string declared_identity_types(std::string_view create_sql);

/// For a grant read from its statement alone (the snapshot in autogen.sum): the input
/// types `grant_sql` (GRANT ... ON FUNCTION ...) writes after routine `name`, or nullopt
/// when it writes none there (the one routine of that name, resolved by its reader).
std::optional<std::string> granted_identity_types(std::string_view grant_sql,
                                                  const std::string& name);

/// `"schema"."name"(types)`: what names a function or procedure among its kind
/// (SqlObject::identity). `arguments` is read through identity_types, so a statement
/// naming a routine as written (`f(int)` after ON FUNCTION or COMMENT ON FUNCTION) gives
/// the key of the declared `CREATE FUNCTION f(a integer)`.
std::string routine_identity(const std::string& schema, const std::string& name,
                             std::string_view arguments);

/// Is `o` a function or a procedure?
bool is_routine(const SqlObject& o);

}  // namespace autogen::schema
