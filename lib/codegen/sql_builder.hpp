// The quoting builder every planner renders SQL through (ARCHITECTURE 6): identifiers
// are always quoted, string literals always escaped, so no model name, comment or
// default can leave its place in a statement. Planners never concatenate raw names.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "schema/schema.hpp"

namespace autogen::codegen {

/// "name" with every '"' doubled; always quoted, whatever the name looks like.
std::string quote_identifier(std::string_view name);

/// "schema"."name", or "name" when `schema` is empty.
std::string qualified_name(std::string_view schema, std::string_view name);

/// 'text' with every '\'' doubled.
std::string string_literal(std::string_view text);

/// "a", "b", "c" — quoted identifiers joined by ", " (no parentheses).
std::string column_list(const std::vector<std::string>& columns);

/// Index key items: plain column names are quoted; items written in parentheses
/// (expressions such as "(lower(email))") are kept verbatim.
std::string index_item_list(const std::vector<std::string>& items);

/// An index's keys with their options: "created_at" DESC NULLS LAST, "email" COLLATE "C"
/// "text_pattern_ops" (names quoted, expressions verbatim, as index_item_list).
std::string index_key_list(const schema::Index& index);

/// True for an index item that is an expression, i.e. written in parentheses.
bool is_expression_item(std::string_view item);

/// The SQL keyword(s) of an action: "NO ACTION", "RESTRICT", "CASCADE", "SET NULL", "SET DEFAULT".
std::string referential_action_sql(schema::ReferentialAction action);

/// " ON DELETE ... ON UPDATE ..." for the actions that are not NO ACTION ("" when both are).
std::string referential_actions_clause(const schema::ForeignKey& key);

/// True when `sql` (a default, check expression, index predicate or type written in a
/// model) stays in its place when pasted into a statement: parentheses balance, quotes
/// close, and there is no ';' or comment outside quotes. Planners refuse anything else.
bool is_self_contained_sql(std::string_view sql);

}  // namespace autogen::codegen
