// The SQLite answers to the differ's per-dialect questions (DiffRules).
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "diff/diff_rules.hpp"

namespace autogen::diff {

/// SQLite's DiffRules: types compare case- and whitespace-insensitively; defaults and
/// expressions compare after normalising what SQLite rewrites (identifier quoting
/// after a rename, outer parentheses, keyword case, whitespace); constraint names are
/// kept (the inspector parses them from the stored CREATE TABLE); the primary-key name
/// is not.
std::unique_ptr<DiffRules> make_sqlite_rules();

/// The canonical form two SQLite expressions are compared in: tokens outside string
/// literals upper-cased, simple quoted identifiers unquoted, whitespace only where two
/// words meet, redundant outer parentheses removed.
std::string normalize_sqlite_expression(std::string_view sql);

}  // namespace autogen::diff
