// The PostgreSQL answers to the differ's per-dialect questions (DiffRules).
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "diff/diff_rules.hpp"

namespace autogen::diff {

/// PostgreSQL's DiffRules. Both sides normally come from the inspector (the model is
/// materialised in a scratch database first), so types are `format_type` text and
/// expressions `pg_get_expr` text; they are still compared in a canonical form, so
/// that a hand-written revision or a default spelled differently (`now()` for
/// `CURRENT_TIMESTAMP`, `int4` for `integer`, `'x'::text` for `'x'`) is not a
/// difference. Constraint names and the primary-key name are kept by PostgreSQL and
/// compared: the scanner leaves primary keys unnamed, PostgreSQL names them
/// `<table>_pkey`, and the PostgreSQL planner renames that name along with its table
/// (docs/dialects/postgresql.md).
std::unique_ptr<DiffRules> make_postgres_rules();

/// The canonical spelling of a PostgreSQL type: lower case, aliases resolved to the
/// names `format_type` prints (`int4` -> `integer`, `varchar(20)` ->
/// `character varying(20)`, `timestamptz` -> `timestamp with time zone`), simple quoted
/// identifiers unquoted, `public.` dropped, no blanks inside modifiers.
std::string canonical_postgres_type(std::string_view sql);

/// The canonical form two PostgreSQL expressions are compared in: keywords and unquoted
/// identifiers lower-cased, simple quoted identifiers unquoted, casts of literals
/// dropped (`'x'::text` -> `'x'`, `'-1'::integer` -> `-1`), casts to a string type
/// dropped (`(a)::text` -> `a`), `now()` -> `current_timestamp`, `~~` -> `like`,
/// parentheses around a single operand and around the whole expression dropped,
/// whitespace only where two words meet.
std::string normalize_postgres_expression(std::string_view sql);

}  // namespace autogen::diff
