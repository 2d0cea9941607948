// Doc comments become table and column comments; comment = "..." wins; plain //
// comments are not documentation.
#pragma once

#include <autogen/model.hpp>
#include <cstdint>
#include <string>

/// People who can sign in.
/// Second line, joined with a space.
struct AUTOGEN_TABLE("users") User {
    /** The key. */
    AUTOGEN_COLUMN(primary_key) std::int64_t id;
    //! Qt-style doc comment.
    std::string email;
    std::string nick;  ///< trailing doc comment
    // a plain comment: not a column comment
    std::string plain;
    /// Loses to the annotation.
    AUTOGEN_COLUMN(comment = "the annotation wins") std::string bio;
};

/**
 * Block comment
 * over several lines.
 */
struct AUTOGEN_TABLE("groups", comment = "table comment from the annotation") Group {
    AUTOGEN_COLUMN(primary_key) std::int64_t id;
};
