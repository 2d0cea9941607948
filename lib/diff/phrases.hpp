// The fixed phrases users read for each detected operation ("added column
// "users"."phone""). `revision` prints them after "detected ", `check` after
// "drift: "; tests and docs quote them, so they live in this one file.
#pragma once

#include <string>

#include "diff/rename_hints.hpp"
#include "schema/operation.hpp"

namespace autogen::diff {

/// Whose change an operation describes. From the models' side, a dropped table is one
/// "no scanned file declares"; from the database's side it is just missing.
enum class Perspective { Models, Database };

/// One human line for an operation, without a trailing period.
std::string describe(const schema::Operation& op, Perspective perspective = Perspective::Models);

/// The hint for a possible undeclared rename, without the leading "hint: ": what was
/// dropped and added, and the annotation that makes it a rename.
std::string describe(const RenameHint& hint);

}  // namespace autogen::diff
