// The COMMENT ON statements of the [models] sql files (docs/objects.md "Comments"): read
// next to the CREATE statements of declared_objects.cpp, then given to the declared
// object each one names (SqlObject::comment).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "schema/schema.hpp"
#include "support/diagnostics.hpp"
#include "support/sql_tokens.hpp"

namespace autogen::pipeline {

/// A `COMMENT ON <kind> name IS '...' | NULL` of a [models] sql file, before it is given
/// to its object.
struct DeclaredComment {
    schema::ObjectKind kind = schema::ObjectKind::View;
    bool any_routine = false;  ///< COMMENT ON ROUTINE: a function or a procedure
    std::string schema;        ///< as written (empty: not qualified)
    std::string name;
    std::string table;  ///< a trigger's or policy's
    /// A function's or procedure's argument list as written between its parentheses
    /// (nullopt: none written, which names the one routine of that name).
    std::optional<std::string> arguments;
    /// COMMENT ON COLUMN view.col: the column (kind View, matching a view or a
    /// materialized view); empty for a comment on the object itself.
    std::string column;
    support::SourceLocation column_location;  ///< the word COLUMN (where its errors point)
    std::string text;  ///< the comment; empty for IS NULL and IS '' (no comment)
    support::SourceLocation location;
};

/// `r`, a statement whose first word is COMMENT, as a DeclaredComment; nullopt after a
/// Model error at `at` (a kind the files do not declare, with where its comment goes).
std::optional<DeclaredComment> comment_declaration(const support::TokenRange& r,
                                                   const support::SourceLocation& at,
                                                   support::Diagnostics& diags);

/// Gives each of `comments` to the object of `objects` it names. A comment naming no
/// declared object, or one already commented, is a Model error at the COMMENT statement.
void attach_comments(const std::vector<DeclaredComment>& comments,
                     std::vector<schema::SqlObject>& objects, support::Diagnostics& diags);

}  // namespace autogen::pipeline
