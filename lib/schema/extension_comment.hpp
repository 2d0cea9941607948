// The comment an extension ships with: CREATE EXTENSION gives it the comment of its
// control file (citext: "data type for case-insensitive character strings"). A comment
// the [models] sql files no longer declare goes back to that one, not to none
// (docs/objects.md "Comments"). A database that lists its available extensions reads it
// into the installed extension, and the models' extension takes it from their scratch
// database; a snapshot does not keep it (unknown there).
//
// It rides in the extension's `columns`, which an extension has no other use for, so the
// scan caches carry it without a field of their own.
#pragma once

#include <optional>
#include <string>

#include "schema/schema.hpp"

namespace autogen::schema {

/// Records on extension `o` the comment its control file gives it ("" for none).
void set_shipped_comment(SqlObject& o, const std::string& comment);

/// The comment set_shipped_comment recorded, or nullopt when nothing read it.
std::optional<std::string> shipped_comment(const SqlObject& o);

}  // namespace autogen::schema
