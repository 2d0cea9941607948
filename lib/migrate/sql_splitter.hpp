// Splits the SQL of a revision section into single statements, each with the line
// where it starts in the revision file, so the runner can execute them one by one and
// name the failing one by file:line.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace autogen::migrate {

/// One statement of a section.
struct SqlStatement {
    std::string sql;    ///< the statement, from its first token up to (without) the ';'
    unsigned line = 0;  ///< 1-based line of its first token in the file
};

/// Splits `sql` (whose first line is line `first_line` of its file) at the `;` that end
/// statements. Knows '...' and E'...' strings, "..." `...` [...] quoted identifiers, -- and /* */
/// comments, PostgreSQL $tag$...$tag$ bodies and BEGIN ... END bodies of
/// CREATE TRIGGER; comment-only parts yield nothing. A last statement without ';' is kept.
std::vector<SqlStatement> split_statements(std::string_view sql, unsigned first_line);

}  // namespace autogen::migrate
